import ArgumentParser
import Foundation
import Literate

/// The `swiftbook` command: runs, checks and renders Markdown chapters with Swift cells.
///
/// Exit status: 0 all good, 1 a cell failed or an output is stale, 2 bad usage or unreadable
/// input. ArgumentParser's own usage errors (64 by default) are mapped to 2.
@main
struct Swiftbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swiftbook",
        abstract: "Run Markdown chapters with Swift cells, check their recorded outputs, render them as HTML.",
        version: SwiftbookVersion.number,
        subcommands: [Run.self, Check.self, Render.self, Status.self, Preview.self, MergeReports.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            // --help and --version are "errors" that succeed; they print on standard output.
            if exitCode(for: error) == .success {
                Console.output(fullMessage(for: error) + "\n")
                Foundation.exit(0)
            }
            // ArgumentParser's own usage message (with its usage lines) is written as it words it.
            Console.message(fullMessage(for: error) + "\n")
            Foundation.exit(RunnerExit.usage)
        }
    }
}
