import ArgumentParser
import Foundation
import Literate

/// `swiftbook status`: each translation in sync, outdated (which source cells changed) or missing.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List each translation as in sync, outdated (which cells of its source changed) or missing.",
        discussion: """
        A translation lives in a language folder beside its source (Chapters/ja/x.md translates Chapters/x.md) \
        and records the version of its source's cells it was made from (swiftbook run writes it). PATH is a \
        folder (all its language folders), a translation, or a source chapter (its translations). Nothing is \
        compiled or run. Exit status: 0 nothing outdated, 1 a translation is outdated, 2 bad usage or input.
        """
    )

    @Argument(help: "Chapter files or folders.")
    var paths: [String] = ["Chapters"]

    func run() throws {
        do {
            let entries = try TranslationStatus.entries(for: paths)
            Console.output(entries.map { $0.line + "\n" }.joined())
            if entries.isEmpty { Console.output("no translations (no language folder such as Chapters/ja beside the chapters)\n") }
            if entries.contains(where: \.isOutdated) { throw ExitCode(RunnerExit.failure) }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw Console.fail(error)
        }
    }
}
