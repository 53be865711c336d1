import ArgumentParser
import Foundation
import Literate

/// `swiftbook merge-reports`: one verdict from the JSON reports of a book's shards.
struct MergeReports: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-reports",
        abstract: "Join the JSON reports of shards (run or check --shard K/N --format json) into one verdict.",
        discussion: """
        Prints every chapter's problems (and ::error annotations with GITHUB_ACTIONS set), or with --format json \
        the merged report. Exit status: the worst of the reports: 0 all good, 1 a check failed or a cell failed, \
        2 bad usage (a report is unreadable, two reports hold the same chapter, a shard is missing or repeated).
        """
    )

    @Argument(help: "The shards' JSON reports.")
    var reports: [String]

    @Option(help: "Report format on standard output: text or json.")
    var format: ReportFormat = .text

    @Option(name: .customLong("cache-dir"), help: ArgumentHelp(
        "A cache folder the shards' cache folders were copied into: its chapter times become the times the next split "
        + "is balanced by.", valueName: "dir"))
    var cacheDirectory: String?

    func run() throws {
        let merged: BookReport
        do {
            merged = try ReportMerger.merge(files: reports)
        } catch {
            throw Console.fail(error)
        }
        if let cacheDirectory { ChapterTimings(cacheDirectory: URL(fileURLWithPath: cacheDirectory)).refreshSplitTimes() }
        Console.message(ReportText.merged(merged))
        if format == .json {
            Console.output(merged.json)
        } else if Console.githubAnnotations {
            Console.output(ReportText.annotations(merged))
        }
        if merged.exitCode != 0 { throw ExitCode(merged.exitCode) }
    }
}
