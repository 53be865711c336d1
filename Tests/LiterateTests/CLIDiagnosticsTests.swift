import Foundation
import Testing
@testable import Literate

/// Every command reports errors the same way: its diagnostics on standard error through the one
/// formatter (`Diagnostic.description`), nothing else, and exit status 2 for bad input.
@Suite(.serialized) struct CLIDiagnosticsTests {
    @Test func everyCommandReportsAMissingPathAsOneDiagnostic() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let missing = "Chapters/nowhere.md"
        // One book, one way of finding it (`ChapterOrder.chapterFiles`): the same words everywhere.
        let missingPath = ChapterOrder.missing(missing)
        #expect(missingPath.line.hasPrefix("\(missing): error: no such file or folder; pass Markdown chapters"))
        let expected: [(arguments: [String], diagnostic: Diagnostic)] = [
            (["run", missing], missingPath),
            (["check", missing], missingPath),
            (["render", missing, "--output", "site"], missingPath),
            (["status", missing], missingPath),
            (["preview", missing, "--port", "0"], missingPath),
            (["merge-reports", "nowhere.json"], .error("cannot read the report; pass the JSON file a shard wrote", path: "nowhere.json")),
        ]
        for (arguments, diagnostic) in expected {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == diagnostic.line, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
        }
    }

    @Test func aChapterThatDoesNotParseReadsTheSameInEveryCommand() throws {
        let cli = try CLI("good.md")
        defer { cli.remove() }
        try "```swift fail\nprint(1)\n```\n".write(to: cli.chapter("bad.md"), atomically: true, encoding: .utf8)
        let error = try #require(throws: ChapterError.self) { try Chapter(path: "Chapters/bad.md", bytes: Array(try cli.bytes("bad.md"))) }
        let line = Diagnostic.all(from: error).map(\.line).joined()
        #expect(line.hasPrefix("Chapters/bad.md:1:10: error: "), "\(line)")
        for arguments in [["run", "Chapters/bad.md"], ["check", "Chapters/bad.md"], ["render", "Chapters/bad.md", "--output", "site"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == line, "\(arguments): \(result.stderr)")
        }
    }

    @Test func checkEndsWithASummaryLineOnSuccess() throws {
        let cli = try CLI("good.md")
        defer { cli.remove() }
        let cells = try Chapter.load(path: cli.chapter("good.md").path).cells.filter(\.options.runs).count
        let first = try cli.run("check", "Chapters/good.md")
        #expect(first.status == 0, "\(first.stderr)")
        let summary = try #require(first.stderr.split(separator: "\n").last.map(String.init), "\(first.stderr)")
        #expect(summary.hasPrefix("swiftbook: checked 1 chapter, \(cells) cell\(cells == 1 ? "" : "s") (0 from the cache) in "),
                "\(summary)")
        #expect(summary.hasSuffix(" s; all good"), "\(summary)")
        let again = try cli.run("check", "Chapters/good.md")
        #expect(again.stderr.contains("swiftbook: checked 1 chapter, \(cells) cell\(cells == 1 ? "" : "s") (\(cells) from the cache) in "),
                "\(again.stderr)")
        #expect(again.stdout.isEmpty)
    }
}
