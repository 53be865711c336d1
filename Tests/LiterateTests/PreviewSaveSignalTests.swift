import Foundation
import Testing
@testable import Literate

#if os(Linux)
/// The preview's watcher is woken by saves, and can tell a finished save from a file still
/// being written (so it starts a round at once only for the first).
@Suite struct PreviewSaveSignalTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-signal-\(UUID().uuidString)")

    /// Reads events until the signal says the saves are complete or `seconds` pass.
    func waitUntilComplete(_ signal: SaveSignal, seconds: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !signal.savesAreComplete && Date() < deadline { signal.wait(seconds: 0.1) }
        return signal.savesAreComplete
    }

    @Test func aFileWrittenAndClosedIsComplete() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let signal = SaveSignal(folders: [folder.path])
        #expect(!signal.wait(seconds: 0.05))
        #expect(!signal.savesAreComplete)
        try Data("# A chapter\n".utf8).write(to: folder.appendingPathComponent("a.md"))
        #expect(signal.wait(seconds: 5), "the save woke the watcher")
        #expect(waitUntilComplete(signal))
    }

    @Test func aFileTruncatedOrStillOpenForWritingIsNotComplete() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.md"), other = folder.appendingPathComponent("a.md.new")
        try Data("# A chapter\n".utf8).write(to: file)
        let signal = SaveSignal(folders: [folder.path])
        // Another file finished, then the chapter truncated and half written (`cat new > a.md` caught midway).
        try Data("# A new chapter\n".utf8).write(to: other)
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data("# A ne".utf8))
        while signal.wait(seconds: 0.2) {}
        #expect(!signal.savesAreComplete, "the chapter is still open for writing")
        try handle.close()
        #expect(waitUntilComplete(signal))
    }

    @Test func aFileRenamedIntoPlaceIsCompleteAndHiddenFilesDoNotHoldItBack() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let signal = SaveSignal(folders: [folder.path])
        // An editor's swap file stays open for writing the whole time.
        let swap = folder.appendingPathComponent(".a.md.swp")
        try Data().write(to: swap)
        let handle = try FileHandle(forWritingTo: swap)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data("swap".utf8))
        let temporary = folder.appendingPathComponent(".a.md.tmp")
        try Data("# A chapter\n".utf8).write(to: temporary)
        #expect(rename(temporary.path, folder.appendingPathComponent("a.md").path) == 0)
        #expect(waitUntilComplete(signal))
    }

    @Test func completionsAreForgottenBetweenRounds() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let signal = SaveSignal(folders: [folder.path])
        try Data("# A chapter\n".utf8).write(to: folder.appendingPathComponent("a.md"))
        #expect(waitUntilComplete(signal))
        signal.forgetCompletions()
        #expect(!signal.savesAreComplete)
    }
}
#endif
