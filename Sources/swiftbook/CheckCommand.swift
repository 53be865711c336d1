import ArgumentParser
import Literate

/// `swiftbook check`: run the chapters and compare, changing nothing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the chapters and check their recorded outputs; change nothing.",
        discussion: """
        Each stale output is reported as `path:line: error: ...` with a unified diff (recorded, then actual). \
        With GITHUB_ACTIONS set, also prints ::error annotations. Exit status: 0 all good, 1 a stale output or \
        a failed cell, 2 bad usage or unreadable input. Ends with a summary line on standard error \
        (`swiftbook: checked 12 chapters, 148 cells (131 from the cache) in 3.1 s; all good`).
        """
    )

    @OptionGroup var arguments: RunnerArguments

    func run() throws {
        try perform(.check, arguments)
    }
}
