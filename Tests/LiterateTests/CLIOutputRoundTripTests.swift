import Foundation
import Testing

/// `run` then `check` through the real command line on outputs that are hard to write back:
/// they must agree, and a second `run` must change nothing.
@Suite(.serialized) struct CLIOutputRoundTripTests {
    private func runThenCheck(_ name: String) throws -> (CLI, written: String) {
        let cli = try CLI(name)
        let run = try cli.run("run", "Chapters/\(name)")
        #expect(run.status == 0, "\(run.stderr)")
        let written = try cli.bytes(name)
        let check = try cli.run("check", "Chapters/\(name)", "--no-cache")
        #expect(check.status == 0, "run then check disagree: \(check.stderr)")
        #expect(try cli.run("run", "Chapters/\(name)", "--no-cache").status == 0)
        #expect(try cli.bytes(name) == written, "a second run changed the chapter")
        return (cli, String(decoding: written, as: UTF8.self))
    }

    @Test func oddContainersAndControlCharactersRoundTrip() throws {
        let (cli, text) = try runThenCheck("odd-outputs.md")
        defer { cli.remove() }
        // `>` without a space: the output's second line keeps all 8 of its spaces.
        #expect(text.contains(">```\n>\n> ```output\n> tensor([[1., 2.],\n>         [3., 4.]])\n> ```\n"), "\(text)")
        #expect(text.contains(">\t```\n>\n>   ```output\n>   tab\n>   ```\n"), "\(text)")
        // The tight list stays tight: no blank line between the cell and its output.
        #expect(text.contains("  ```\n  ```output\n  a\\u{D}b\\u{D}\n  ```\n- last\n"), "\(text)")
        #expect(text.contains("```output\nnul\\u{0} bel\\u{7} \\u{1B}[31mred\\u{1B}[0m \\u{5C}u{41}\n\\u{20}\n```\n"), "\(text)")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    }

    @Test func mixedLineEndingsRoundTrip() throws {
        let (cli, text) = try runThenCheck("mixed-endings.md")
        defer { cli.remove() }
        #expect(Array(text.utf8) == Array("# Mixed line endings\r\n\r\n```swift\rprint(1)\r```\n\n```output\n1\n```\n\nText\n".utf8))
    }

    @Test func controlCharactersNeverReachTheTerminal() throws {
        let cli = try CLI("escape-stale.md")
        defer { cli.remove() }
        let result = try cli.run("check", "Chapters/escape-stale.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("-\\u{1B}[31mred\\u{1B}[0m\n"), "\(result.stderr)")
        #expect(result.stderr.contains("+\\u{1B}[32mgreen\\u{1B}[0m\n"), "\(result.stderr)")
        #expect(!result.stderr.unicodeScalars.contains("\u{1B}"))
    }
}
