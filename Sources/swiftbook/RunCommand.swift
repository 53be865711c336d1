import ArgumentParser
import Literate

/// `swiftbook run`: run the chapters and write each cell's verified output into them.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the chapters and write verified outputs into them.",
        discussion: """
        A chapter is rewritten (atomically, keeping its permissions) only when an output changed. A failing \
        cell keeps its old output. Exit status: 0 all good, 1 a cell failed or a chapter could not be written \
        (read-only), 2 bad usage or unreadable input.
        """
    )

    @OptionGroup var arguments: RunnerArguments

    func run() throws {
        try perform(.run, arguments)
    }
}
