import Foundation

/// How the reports of `run`, `check` and `merge-reports` read as text: each chapter's problems
/// as diagnostics, progress lines, the summary line, GitHub annotations. These are values; the
/// command line decides which to print and where.
///
/// Text for a terminal never carries a control character a cell printed (an escape sequence
/// would act on the author's terminal): they are shown as `\u{1B}` (`OutputEncoding.visible`).
public enum ReportText {
    /// One chapter's warnings and problems (each problem with its diff), one per line.
    public static func problems(_ report: ChapterReport) -> String {
        var text = ""
        for warning in report.warnings { text += warning + "\n" }
        for diagnostic in report.diagnostics { text += diagnostic.line }
        return OutputEncoding.visible(text)
    }

    /// A merged report's problems, the chapters' and the book's own, as GitHub Actions annotations.
    public static func annotations(_ report: BookReport) -> String {
        report.chapters.map(annotations).joined() + report.bookDiagnostics.map(\.githubAnnotation).joined()
    }

    /// A run's own problems (not one chapter's cells) as GitHub Actions annotations.
    public static func annotations(_ run: BookRun) -> String {
        run.diagnostics.map(\.githubAnnotation).joined()
    }

    /// One chapter's problems as GitHub Actions annotations.
    public static func annotations(_ report: ChapterReport) -> String {
        report.diagnostics.map(\.githubAnnotation).joined()
    }

    /// `[3/40] Chapters/x.md: 5 cells, 1.2 s, 1 compile 0.80 s, run 0.30 s, written`.
    public static func progressLine(_ report: ChapterReport, done: Int, total: Int) -> String {
        let skipped = report.skippedCells
        if skipped > 0 && skipped == report.cells.filter({ $0.status != .noRun }).count {
            return "[\(done)/\(total)] \(report.path): skipped (\(report.cells.first?.skippedBecause ?? "tags"))\n"
        }
        let how = report.cached ? "cached"
            : "\(report.compilations) compile\(report.compilations == 1 ? "" : "s") "
                + String(format: "%.2f s, run %.2f s", report.compileSeconds, report.runSeconds)
        let written = (report.written ? ", written" : "") + (skipped > 0 ? ", \(skipped) skipped by tags" : "")
        let cells = report.cells.count
        return "[\(done)/\(total)] \(report.path): \(cells) \(plural(cells, "cell")), "
            + "\(String(format: "%.1f", report.seconds)) s, \(how)\(written)\n"
    }

    /// The last line of a run: `swiftbook: checked 12 chapters, 148 cells (131 from the cache)
    /// in 3.1 s; all good`, with the shard, the chapters with problems and the cells skipped by tags.
    public static func summary(_ run: BookRun) -> String {
        let verb = run.mode == .run ? "ran" : "checked"
        let chapters = run.chapters.count
        return "swiftbook: \(verb) \(chapters) \(plural(chapters, "chapter"))"
            + (run.shard.map { " (shard \($0))" } ?? "")
            + ", \(run.ranCells) \(plural(run.ranCells, "cell")) (\(run.cachedCells) from the cache)"
            + " in \(String(format: "%.1f", run.seconds)) s; "
            + (run.failedChapters == 0 ? "all good" : "\(run.failedChapters) with problems")
            + (run.skippedCells > 0 ? "; \(run.skippedCells) \(plural(run.skippedCells, "cell")) skipped by tags" : "") + "\n"
    }

    /// A merged report as the shards would have printed it: each chapter's problems, then
    /// `swiftbook: merged 40 chapters; all good`.
    public static func merged(_ report: BookReport) -> String {
        let book = report.bookDiagnostics
        // Chapters with problems, and the other files the book's own problems are in.
        let failing = Set(report.chapters.filter { !$0.succeeded }.map(\.path))
        let failed = failing.count + Set(book.map { $0.location?.path ?? "" }).subtracting(failing).count
        let total = report.chapters.count
        return report.chapters.map(problems).joined() + OutputEncoding.visible(book.map(\.line).joined())
            + "swiftbook: merged \(total) \(plural(total, "chapter")); "
            + (failed == 0 ? "all good" : "\(failed) with problems")
            + (report.skippedCells > 0 ? "; \(report.skippedCells) cells skipped by tags" : "") + "\n"
    }

    private static func plural(_ count: Int, _ noun: String) -> String { count == 1 ? noun : noun + "s" }
}
