import Foundation
import Testing

/// `swiftbook run` on fixture chapters: what ends up in the chapter and what the user is told.
@Suite(.serialized) struct CLIRunTests {
    @Test func redeclaredNamesTakeTheLaterDeclaration() throws {
        let cli = try CLI("redeclaration.md")
        defer { cli.remove() }
        let result = try cli.run("run", "Chapters/redeclaration.md")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try cli.text("redeclaration.md")
        #expect(text.contains("1 MLP(width: 256) first\n"))
        #expect(text.contains("two MLP(depth: 3) second two\nMLP\n"))
        #expect(text.contains("two! 6 second two\n"))
    }

    @Test func lastExpressionIsShownAfterWhatTheCellPrinted() throws {
        let cli = try CLI("display.md")
        defer { cli.remove() }
        let result = try cli.run("run", "Chapters/display.md")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try cli.text("display.md")
        #expect(text.contains("```swift\nvar total = 40\ntotal + 2\n```\n\n```output\n42\n```"))
        #expect(text.contains("printed first\n[40, 80, 120]\n"))
        #expect(text.contains("```output\nonly printed\n```"))
        #expect(text.contains("positive\n"))
        #expect(text.contains("a string\n"))
        // `total += 1` and `print(...)` show no value: no `()` anywhere.
        #expect(!text.contains("()"))
    }

    @Test func functionsAndTypesUseEarlierCellsVariables() throws {
        let cli = try CLI("functions.md")
        defer { cli.remove() }
        let result = try cli.run("run", "Chapters/functions.md")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try cli.text("functions.md").contains("6 4 33 2\n"))
    }

    @Test func compileErrorIsReportedAtTheChaptersLineAndColumn() throws {
        let cli = try CLI("compile-error.md")
        defer { cli.remove() }
        let before = try cli.bytes("compile-error.md")
        let result = try cli.run("run", "Chapters/compile-error.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains(
            "Chapters/compile-error.md:11:23: error: cell 2 does not compile: cannot convert value of type 'Int' to specified type 'String'"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("main.swift"))
        // Cell 1 ran and printed nothing, cell 2 failed, cell 3 never ran: nothing to write.
        #expect(try cli.bytes("compile-error.md") == before)
    }

    @Test func trapIsReportedAgainstItsCellAndEarlierCellsKeepOutputs() throws {
        let cli = try CLI("trap.md")
        defer { cli.remove() }
        let result = try cli.run("run", "Chapters/trap.md")
        #expect(result.status == 1)
        // At the subscript that trapped: line 10 as read; the first cell's new output (4 lines)
        // went in above it, so line 14 on disk.
        #expect(result.stderr.contains("Chapters/trap.md:14:13: error: cell 2 crashed: Fatal error: Index out of range"), "\(result.stderr)")
        #expect(try cli.text("trap.md").components(separatedBy: "\n")[13] == "print(values[5])")
        #expect(result.stderr.contains("before the trap"))
        let text = try cli.text("trap.md")
        #expect(text.contains("```output\nfirst cell\n```"))
        #expect(text.contains("old output of the trapping cell"))
        #expect(text.contains("old output of the third cell"))
        #expect(!text.contains("third cell\n```\n\n```output\nthird cell"))
    }

    @Test func endlessLoopTimesOut() throws {
        let cli = try CLI("timeout.md")
        defer { cli.remove() }
        let started = Date()
        let result = try cli.run("run", "Chapters/timeout.md")
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Chapters/timeout.md:14:1: error: cell 2 timed out after 2 s"), "\(result.stderr)")
        #expect(try cli.text("timeout.md").components(separatedBy: "\n")[13] == "var spins = 0")
        #expect(result.stderr.contains("spinning"))
        #expect(try cli.text("timeout.md").contains("```output\nbefore the loop\n```"))
    }

    @Test func commandLineTimeoutOverridesTheChapters() throws {
        let cli = try CLI("slow.md")
        defer { cli.remove() }
        let result = try cli.run("check", "Chapters/slow.md", "--timeout", "1")
        #expect(result.status == 1)
        #expect(result.stderr.contains("Chapters/slow.md:8:1: error: cell 2 timed out after 1 s"), "\(result.stderr)")
    }

    @Test func enormousOutputIsTruncatedWithANote() throws {
        let cli = try CLI("huge-output.md")
        defer { cli.remove() }
        let result = try cli.run("run", "Chapters/huge-output.md", "--max-output", "1000")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try cli.text("huge-output.md")
        #expect(text.contains("line 0 of an enormous output\n"))
        #expect(!text.contains("line 99999 of"))
        #expect(text.contains("[output truncated: the cell printed 3288890 bytes; the limit is 1000 (--max-output)]"))
        #expect(text.contains("the next cell still runs\n"))
        #expect(text.utf8.count < 3000)
    }

    @Test func failsCellsRecordTheirErrorsAndLaterCellsRun() throws {
        let cli = try CLI("fails.md")
        defer { cli.remove() }
        let result = try cli.run("run", "Chapters/fails.md")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try cli.text("fails.md")
        // The recorded error names no file or line: it depends on the cell's code alone.
        #expect(text.contains("```output\nerror: cannot convert value of type 'Int' to specified type 'String'\n"
                              + "let wrong: String = answer\n                    ^\n```"))
        #expect(text.contains("about to trap\nFatal error: Index out of range\n"))
        #expect(text.contains("still running 42\n"))
    }

    @Test func failsCellThatSucceedsIsAFailure() throws {
        let cli = try CLI("fails-succeeds.md")
        defer { cli.remove() }
        let before = try cli.bytes("fails-succeeds.md")
        let result = try cli.run("run", "Chapters/fails-succeeds.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("Chapters/fails-succeeds.md:4:1: error: cell 1 was expected to fail but succeeded"), "\(result.stderr)")
        #expect(try cli.bytes("fails-succeeds.md") == before)
    }

    @Test func noRunCellsAreLeftAloneAndUncheckedCellsAreRecorded() throws {
        let cli = try CLI("options.md")
        defer { cli.remove() }
        let result = try cli.run("run", "Chapters/options.md")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try cli.text("options.md")
        #expect(text.contains("this is not Swift at all\n```\n\n```output\nleft alone\n```"))
        #expect(!text.contains("random: 1\n"))
        #expect(text.contains("random: "))
        // A second check compares the checked cell but never the unchecked one's new random number.
        let check = try cli.run("check", "Chapters/options.md", "--no-cache")
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func runWritesOnlyWhenBytesChange() throws {
        let cli = try CLI("good.md", "stale.md")
        defer { cli.remove() }
        let goodBefore = try cli.bytes("good.md")
        let goodModified = try cli.modified("good.md")
        let result = try cli.run("run", "Chapters", "--verbose")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try cli.bytes("good.md") == goodBefore)
        #expect(try cli.modified("good.md") == goodModified)
        #expect(try cli.text("stale.md").contains("```output\nfresh value 4\n```"))
        #expect(result.stderr.contains("Chapters/stale.md: 1 cell,"))
        #expect(result.stderr.contains("written"))
        // No temporary file is left beside the chapters.
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.folder.appendingPathComponent("Chapters").path)
        #expect(left.sorted() == ["good.md", "stale.md"])
    }

    @Test func runKeepsTheChaptersPermissions() throws {
        let cli = try CLI("stale.md")
        defer { cli.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: cli.chapter("stale.md").path)
        let result = try cli.run("run", "Chapters/stale.md")
        #expect(result.status == 0, "\(result.stderr)")
        let permissions = try FileManager.default.attributesOfItem(atPath: cli.chapter("stale.md").path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
    }

    @Test func secondRunComesFromTheCache() throws {
        let cli = try CLI("stale.md")
        defer { cli.remove() }
        let first = try cli.run("check", "Chapters/stale.md", "--verbose")
        #expect(first.stderr.contains("1 compile"), "\(first.stderr)")
        let second = try cli.run("check", "Chapters/stale.md", "--verbose")
        #expect(second.stderr.contains("cached"), "\(second.stderr)")
        #expect(second.status == first.status)
        #expect(second.stderr.contains("-fresh value 5"))
    }
}
