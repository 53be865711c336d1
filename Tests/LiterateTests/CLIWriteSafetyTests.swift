import Foundation
import Testing

/// `swiftbook run` never loses an edit or writes where it should not: edits made while cells run,
/// symbolic links, read-only chapters, chapters that vanish, and the messages that say so.
@Suite(.serialized) struct CLIWriteSafetyTests {
    /// Starts `run` on `sleepy.md`, waits until its slow cell has started, does `edit`, and returns
    /// what `run` said.
    private func runWhileEditing(_ cli: CLI, edit: () throws -> Void) throws -> CLI.Result {
        let (process, out, err) = try cli.start(["run", "Chapters/sleepy.md", "--cache-dir",
                                                 cli.folder.appendingPathComponent("cache").path])
        let marker = cli.folder.appendingPathComponent("cell-started").path
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: marker), process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(process.isRunning, "the slow cell never started")
        try edit()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    @Test func aProseEditMadeWhileCellsRunIsKeptAndGetsTheOutputs() throws {
        let cli = try CLI("sleepy.md")
        defer { cli.remove() }
        let result = try runWhileEditing(cli) {
            let edited = try cli.text("sleepy.md").replacingOccurrences(of: "The end.", with: "The end, edited\nwhile it ran.")
            try edited.write(to: cli.chapter("sleepy.md"), atomically: false, encoding: .utf8)
        }
        #expect(result.status == 0, "\(result.stderr)")
        let text = try cli.text("sleepy.md")
        #expect(text.contains("The end, edited\nwhile it ran.\n"))
        #expect(text.contains("```output\nfirst\n```"))
        #expect(text.contains("```output\nslept\n```"))
    }

    @Test func anEditToACellMadeWhileCellsRunRefusesTheChapter() throws {
        let cli = try CLI("sleepy.md")
        defer { cli.remove() }
        var edited = ""
        let result = try runWhileEditing(cli) {
            edited = try cli.text("sleepy.md").replacingOccurrences(of: "print(\"first\")", with: "print(\"changed\")")
            try edited.write(to: cli.chapter("sleepy.md"), atomically: true, encoding: .utf8)
        }
        #expect(result.status == 1)
        #expect(result.stderr.contains("Chapters/sleepy.md: error: the chapter was edited while its cells ran"), "\(result.stderr)")
        #expect(result.stderr.contains("run again"))
        #expect(try cli.text("sleepy.md") == edited)
    }

    @Test func aChapterDeletedWhileCellsRunIsReportedAsGone() throws {
        let cli = try CLI("sleepy.md")
        defer { cli.remove() }
        let result = try runWhileEditing(cli) { try FileManager.default.removeItem(at: cli.chapter("sleepy.md")) }
        #expect(result.status == 1)
        #expect(result.stderr.contains("Chapters/sleepy.md: error: the chapter was deleted or moved while its cells ran"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("read-only"))
        #expect(!result.stderr.contains("chmod"))
        #expect(!FileManager.default.fileExists(atPath: cli.chapter("sleepy.md").path))
    }

    @Test func aChapterReplacedByAFolderIsReportedAsAFolder() throws {
        let cli = try CLI("sleepy.md")
        defer { cli.remove() }
        let result = try runWhileEditing(cli) {
            try FileManager.default.removeItem(at: cli.chapter("sleepy.md"))
            try FileManager.default.createDirectory(at: cli.chapter("sleepy.md"), withIntermediateDirectories: false)
        }
        #expect(result.status == 1)
        #expect(result.stderr.contains("Chapters/sleepy.md: error: the chapter was replaced by a folder"), "\(result.stderr)")
        // The path is said once, at the start of the message.
        #expect(result.stderr.components(separatedBy: "Chapters/sleepy.md").count == 2, "\(result.stderr)")
    }

    @Test func aSymbolicLinkIsWrittenThroughAndStaysALink() throws {
        let cli = try CLI("stale.md")
        defer { cli.remove() }
        let real = cli.folder.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: cli.chapter("stale.md"), to: real.appendingPathComponent("t.md"))
        try FileManager.default.createSymbolicLink(atPath: cli.chapter("link.md").path, withDestinationPath: "../real/t.md")
        let result = try cli.run("run", "Chapters/link.md")
        #expect(result.status == 0, "\(result.stderr)")
        let destination = try FileManager.default.destinationOfSymbolicLink(atPath: cli.chapter("link.md").path)
        #expect(destination == "../real/t.md")
        let target = try String(contentsOf: real.appendingPathComponent("t.md"), encoding: .utf8)
        #expect(target.contains("```output\nfresh value 4\n```"))
        // The temporary file went beside the target and is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: real.path) == ["t.md"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.chapter("").path) == ["link.md"])
    }

    @Test func aReadOnlyChapterIsRefusedForEveryoneIncludingRoot() throws {
        let cli = try CLI("stale.md")
        defer { cli.remove() }
        let path = cli.chapter("stale.md").path
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
        let before = try cli.bytes("stale.md")
        let result = try cli.run("run", "Chapters/stale.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("Chapters/stale.md: error: the chapter is read-only"), "\(result.stderr)")
        #expect(result.stderr.contains("chmod u+w"))
        #expect(try cli.bytes("stale.md") == before)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o444)
    }
}
