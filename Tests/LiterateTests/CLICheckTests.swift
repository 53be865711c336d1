import Foundation
import Testing

/// `swiftbook check` and the command line's contract: exit statuses, diffs, JSON, annotations,
/// bad input, interrupts.
@Suite(.serialized) struct CLICheckTests {
    @Test func staleOutputFailsWithADiffAndNothingIsWritten() throws {
        let cli = try CLI("stale.md")
        defer { cli.remove() }
        let before = try cli.bytes("stale.md")
        let modified = try cli.modified("stale.md")
        let result = try cli.run("check", "Chapters/stale.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("Chapters/stale.md:"), "\(result.stderr)")
        #expect(result.stderr.contains("Chapters/stale.md:8: error: a whole number changed at output line 1: '5' became '4' (cell 1)"))
        #expect(result.stderr.contains("-fresh value 5\n"))
        #expect(result.stderr.contains("+fresh value 4\n"))
        #expect(try cli.bytes("stale.md") == before)
        #expect(try cli.modified("stale.md") == modified)
    }

    @Test func currentOutputsPass() throws {
        let cli = try CLI("good.md", "fails.md")
        defer { cli.remove() }
        #expect(try cli.run("run", "Chapters/fails.md").status == 0)
        let result = try cli.run("check", "Chapters")
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func checkReportsAFailedCell() throws {
        let cli = try CLI("trap.md")
        defer { cli.remove() }
        let before = try cli.bytes("trap.md")
        let result = try cli.run("check", "Chapters/trap.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("cell 2 crashed"))
        #expect(try cli.bytes("trap.md") == before)
    }

    @Test func jsonReportDescribesEveryChapter() throws {
        let cli = try CLI("stale.md", "good.md")
        defer { cli.remove() }
        let result = try cli.run("check", "Chapters", "--format", "json")
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["exitCode"] as? Int == 1)
        let chapters = try #require(json["chapters"] as? [[String: Any]])
        #expect(chapters.map { $0["path"] as? String } == ["Chapters/good.md", "Chapters/stale.md"])
        let problems = try #require(chapters[1]["problems"] as? [[String: Any]])
        #expect(problems.first?["kind"] as? String == "changedNumber")
        #expect((problems.first?["diff"] as? String)?.contains("+fresh value 4") == true)
        #expect((chapters[0]["problems"] as? [Any])?.isEmpty == true)
    }

    @Test func githubAnnotationsWhenRunningInActions() throws {
        let cli = try CLI("stale.md")
        defer { cli.remove() }
        let result = try cli.run("check", "Chapters/stale.md", environment: ["GITHUB_ACTIONS": "true"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("::error file=Chapters/stale.md,line="), "\(result.stdout)")
        #expect(result.stdout.contains("(cell 1)"))
    }

    @Test func missingPathIsBadUsage() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run("check", "Chapters/nowhere.md")
        #expect(result.status == 2)
        #expect(result.stderr.contains("Chapters/nowhere.md: error: no such file or folder"), "\(result.stderr)")
    }

    @Test func invalidUTF8IsBadInputAndUntouched() throws {
        let cli = try CLI("invalid-utf8.md")
        defer { cli.remove() }
        let before = try cli.bytes("invalid-utf8.md")
        let result = try cli.run("run", "Chapters/invalid-utf8.md")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("invalid-utf8.md"))
        #expect(try cli.bytes("invalid-utf8.md") == before)
    }

    @Test func badOptionIsBadUsage() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run("check", "--jobs", "0").status == 2)
        #expect(try cli.run("check", "--no-such-option").status == 2)
    }

    @Test func interruptLeavesTheChapterWholeAndNoTemporaryFiles() throws {
        let cli = try CLI("slow.md")
        defer { cli.remove() }
        let before = try cli.bytes("slow.md")
        let (process, out, err) = try cli.start(["run", "Chapters/slow.md", "--no-cache"])
        Thread.sleep(forTimeInterval: 2)
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGINT)
        _ = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(try cli.bytes("slow.md") == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.folder.appendingPathComponent("Chapters").path)
        #expect(left == ["slow.md"])
        // The chapter program was stopped with the runner: nothing of it is still sleeping.
        let programs = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { Int($0) != nil }.filter { pid in
            let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
            return command.contains(FileManager.default.temporaryDirectory.path + "/swiftbook-\(process.processIdentifier)-")
        }
        #expect(programs.isEmpty)
    }
}
