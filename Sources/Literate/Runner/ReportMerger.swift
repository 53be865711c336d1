import Foundation

/// `swiftbook merge-reports`: joins the JSON reports of a book's shards (`--shard K/N --format
/// json`) into one verdict, with the exit statuses of `run` and `check`.
///
/// The verdict is the worst of the parts: 2 when any part was bad usage or unreadable, else 1 when
/// any part (or any chapter in it) failed, else 0. Reports that cannot belong together are bad
/// usage: different modes, a chapter in two reports (the shards did not see the same timings),
/// or, when the reports are shards, a shard given twice or missing.
public enum ReportMerger {
    /// Why reports cannot be merged, as `file: error: ...` (or `error: ...` when no one report
    /// is at fault) with a next step.
    struct Problem: DiagnosticConvertible {
        /// The report at fault, if one is.
        var file: String?
        var message: String

        init(_ file: String? = nil, _ message: String) {
            self.file = file
            self.message = message
        }

        var diagnostics: [Diagnostic] { [Diagnostic(.error, at: file.map { Diagnostic.Location(path: $0) }, message)] }
    }

    /// Reads the report files and merges them.
    public static func merge(files: [String]) throws -> BookReport {
        guard !files.isEmpty else {
            throw Problem(nil, "no reports to merge; pass the JSON files of `swiftbook check --format json`")
        }
        var reports: [(String, BookReport)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw Problem(file, "cannot read the report; pass the JSON file a shard wrote")
            }
            do {
                reports.append((file, try JSONDecoder().decode(BookReport.self, from: data)))
            } catch {
                throw Problem(file, "not a swiftbook JSON report (\(error)); "
                              + "write one with `swiftbook check --format json > \(file)`")
            }
        }
        return try merge(reports)
    }

    /// Merges reports, each named by where it came from (for messages).
    static func merge(_ reports: [(name: String, report: BookReport)]) throws -> BookReport {
        guard let first = reports.first else { throw Problem(nil, "no reports to merge") }
        if let other = reports.first(where: { $0.report.mode != first.report.mode }) {
            throw Problem(other.name, "a '\(other.report.mode)' report cannot be merged with the "
                          + "'\(first.report.mode)' report \(first.name); merge the reports of one command")
        }
        try checkShards(reports)
        var owner: [String: String] = [:]
        var chapters: [ChapterReport] = []
        var problems: [BookReport.Problem] = []
        for (name, report) in reports {
            problems += report.problems ?? []
            for chapter in report.chapters {
                if let earlier = owner.updateValue(name, forKey: chapter.path) {
                    throw Problem(name, "\(chapter.path) is also in \(earlier); the shards saw "
                                  + "different chapter timings: give every shard the same cache folder")
                }
                chapters.append(chapter)
            }
        }
        let codes = reports.map(\.report.exitCode)
        let exitCode: Int32 = codes.contains(RunnerExit.usage) ? RunnerExit.usage
            : codes.contains(where: { $0 != RunnerExit.success }) || chapters.contains(where: { !$0.succeeded }) || !problems.isEmpty
                ? RunnerExit.failure : RunnerExit.success
        return BookReport(mode: first.report.mode, exitCode: exitCode, chapters: chapters, problems: problems)
    }

    /// Shard reports must be `1/N` to `N/N`, each once.
    private static func checkShards(_ reports: [(name: String, report: BookReport)]) throws {
        let shards = reports.compactMap { entry in entry.report.shard.map { (entry.name, $0) } }
        guard !shards.isEmpty else { return }
        guard shards.count == reports.count else {
            throw Problem(nil, "some reports are shards and some are not; merge the shards of one run")
        }
        let parsed = shards.compactMap { Shard(parsing: $0.1) }
        guard parsed.count == shards.count, let count = parsed.first?.count, parsed.allSatisfy({ $0.count == count }) else {
            throw Problem(nil, "the reports are shards of different splits (\(shards.map(\.1).joined(separator: ", "))); "
                          + "merge the shards of one run")
        }
        var seen: Set<Int> = []
        for (shard, entry) in zip(parsed, shards) where !seen.insert(shard.index).inserted {
            throw Problem(entry.0, "shard \(shard) is given twice; pass each shard's report once")
        }
        let missing = (1...count).filter { !seen.contains($0) }
        if !missing.isEmpty {
            throw Problem(nil, "the reports lack shard " + missing.map { "\($0)/\(count)" }.joined(separator: ", ")
                          + "; pass the report of every shard")
        }
    }
}
