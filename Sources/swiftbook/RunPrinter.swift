import ArgumentParser
import Literate

/// How `run` and `check` show a book's run: a progress line per chapter (on a terminal or with
/// `--verbose`), each chapter's problems as it is done, in book order, then the book's own
/// problems, the JSON report (`--format json`) and the summary line. The exit status is the run's.
struct RunPrinter: Sendable {
    var verbose: Bool
    var format: ReportFormat
    var showProgress: Bool { verbose || Console.errorIsTerminal }

    /// Runs the book, printing as it goes, and returns the exit status.
    func run(_ runner: BookRunner) -> Int32 {
        let showProgress = self.showProgress, format = self.format, annotate = Console.githubAnnotations
        let run = runner.run { report, done, total in
            Console.message((showProgress ? ReportText.progressLine(report, done: done, total: total) : "")
                            + ReportText.problems(report))
            if format == .text && annotate { Console.output(ReportText.annotations(report)) }
        }
        if let bookSize = run.emptyShardOf, let shard = run.shard {
            Console.message("swiftbook: shard \(shard) has no chapters (the book has \(bookSize)); nothing to do\n")
        } else {
            Console.report(run.diagnostics)
            if format == .text && annotate { Console.output(ReportText.annotations(run)) }
        }
        let status = Self.exitStatus(of: run)
        if run.stopped || run.emptyShardOf != nil {
            if format == .json { Console.output(run.report(exitCode: status).json) }
            return status
        }
        for path in run.translationsRecorded where showProgress {
            Console.message("\(path): recorded the version of its source it translates\n")
        }
        if format == .json { Console.output(run.report(exitCode: status).json) }
        Console.message(ReportText.summary(run))
        return status
    }

    /// 2 when the run stopped on bad usage or unreadable input, 1 when a chapter has problems
    /// (a failed cell, a stale output, a chapter not written, a broken reference, a translation
    /// out of step), else 0.
    static func exitStatus(of run: BookRun) -> Int32 {
        if run.stopped { return RunnerExit.usage }
        return run.failedChapters == 0 ? RunnerExit.success : RunnerExit.failure
    }
}
