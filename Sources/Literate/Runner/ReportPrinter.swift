import Foundation

/// Prints chapter reports: problems as `path:line:column: error: message` (plus a diff) on
/// standard error, GitHub Actions annotations on standard output when asked, and the JSON report.
///
/// Text for a terminal never carries a control character a cell printed (an escape sequence
/// would act on the author's terminal): they are shown as `\u{1B}` (`OutputEncoding.visible`).
struct ReportPrinter {
    var githubAnnotations: Bool

    /// The lines for one chapter's problems and warnings.
    func text(_ report: ChapterReport) -> String {
        var text = ""
        for warning in report.warnings { text += warning + "\n" }
        for problem in report.problems {
            // Line 0: the file as a whole (it could not be written).
            let location = problem.line == 0 ? report.path
                : problem.column.map { "\(report.path):\(problem.line):\($0)" } ?? "\(report.path):\(problem.line)"
            text += "\(location): error: \(problem.message)\n"
            if let diff = problem.diff { text += diff.hasSuffix("\n") ? diff : diff + "\n" }
        }
        return OutputEncoding.visible(text)
    }

    /// `::error file=…,line=…,col=…::message` lines (GitHub escapes newlines as `%0A`).
    func annotations(_ report: ChapterReport) -> String {
        guard githubAnnotations else { return "" }
        return report.problems.map { problem in
            var properties = "file=\(escapeProperty(report.path))"
            if problem.line > 0 { properties += ",line=\(problem.line)" }
            if let column = problem.column { properties += ",col=\(column)" }
            var message = problem.message
            if let diff = problem.diff { message += "\n" + diff }
            return "::error \(properties)::\(escapeData(OutputEncoding.visible(message)))\n"
        }.joined()
    }

    /// The whole run as one JSON document (`BookReport`).
    static func json(_ reports: [ChapterReport], mode: RunnerOptions.Mode, exitCode: Int32, shard: Shard? = nil) -> String {
        BookReport(mode: mode.rawValue, exitCode: exitCode, shard: shard?.description, chapters: reports).json
    }

    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
