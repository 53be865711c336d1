import Foundation
import Testing

/// What `run` and `check` tell the user: true positions, book order, empty folders, the cache.
@Suite(.serialized) struct CLIRunnerReportTests {
    @Test func positionsAreTrueInTheFileAsWritten() throws {
        let cli = try CLI("positions.md")
        defer { cli.remove() }
        let result = try cli.run("run", "Chapters/positions.md")
        #expect(result.status == 1)
        let lines = try cli.text("positions.md").components(separatedBy: "\n")
        #expect(lines.contains("hi"), "the first cell's output was written above the failing cell")
        let line = try #require(lines.firstIndex(of: "let x: Int = \"no\"")) + 1
        #expect(line == 12)
        #expect(result.stderr.contains("Chapters/positions.md:\(line):14: error: cell 2 does not compile"), "\(result.stderr)")
    }

    /// Every further error of a failing cell is placed in the file as written too.
    @Test func everyErrorOfACellIsTrueInTheFileAsWritten() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try "```swift\nprint(\"hi\")\n```\n\n```swift\nlet x: Int = \"no\"\nlet y: String = 5\n```\n"
            .write(to: cli.chapter("two-errors.md"), atomically: true, encoding: .utf8)
        let result = try cli.run("run", "Chapters/two-errors.md")
        #expect(result.status == 1)
        let lines = try cli.text("two-errors.md").components(separatedBy: "\n")
        let first = try #require(lines.firstIndex(of: "let x: Int = \"no\"")) + 1
        let second = try #require(lines.firstIndex(of: "let y: String = 5")) + 1
        #expect(result.stderr.contains("Chapters/two-errors.md:\(first):14: error: cell 2 does not compile"), "\(result.stderr)")
        #expect(result.stderr.contains("Chapters/two-errors.md:\(second):17: error: cannot convert value of type 'Int'"),
                "\(result.stderr)")
    }

    @Test func verboseProgressFollowsTheBookOrderNotTheFinishingOrder() throws {
        let cli = try CLI("sleepy.md", "good.md")
        defer { cli.remove() }
        try "sleepy.md\ngood.md\n".write(to: cli.chapter("ORDER"), atomically: true, encoding: .utf8)
        let result = try cli.run("check", "Chapters", "--jobs", "2", "--verbose")
        let slow = try #require(result.stderr.range(of: "Chapters/sleepy.md: 2 cells"), "\(result.stderr)")
        let fast = try #require(result.stderr.range(of: "Chapters/good.md:"), "\(result.stderr)")
        #expect(slow.lowerBound < fast.lowerBound, "\(result.stderr)")
        #expect(result.stderr.contains("[1/2] Chapters/sleepy.md"))
        #expect(result.stderr.contains("[2/2] Chapters/good.md"))
    }

    @Test func aFolderWithoutChaptersIsBadUsage() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for command in ["run", "check"] {
            let result = try cli.run(command, "Chapters")
            #expect(result.status == 2)
            #expect(result.stderr.contains("Chapters: error: no chapters (.md files) to \(command)"), "\(result.stderr)")
        }
    }

    @Test func aNoCacheRunStillRefreshesTheCache() throws {
        let cli = try CLI("stale.md")
        defer { cli.remove() }
        let fresh = try cli.run("check", "Chapters/stale.md", "--no-cache", "--verbose")
        #expect(fresh.stderr.contains("1 compile"), "\(fresh.stderr)")
        let again = try cli.run("check", "Chapters/stale.md", "--verbose")
        #expect(again.stderr.contains("cached"), "\(again.stderr)")
        // And --no-cache never reads it.
        let ignored = try cli.run("check", "Chapters/stale.md", "--no-cache", "--verbose")
        #expect(ignored.stderr.contains("1 compile"), "\(ignored.stderr)")
    }
}
