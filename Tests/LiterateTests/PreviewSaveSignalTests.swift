import Foundation
import Testing
@testable import Literate

#if os(Linux)
/// The preview's watcher is woken by saves, and can tell a finished save from a file still
/// being written (so it starts a round at once only for the first).
@Suite struct PreviewSaveSignalTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-signal-\(UUID().uuidString)")

    /// Waits until the signal reports something other than `.timeout`, for up to `seconds`.
    func nextWake(_ signal: SaveSignal, seconds: Double = 5) -> SaveSignal.Wake {
        let deadline = Date().addingTimeInterval(seconds)
        var wake = SaveSignal.Wake.timeout
        while wake == .timeout && Date() < deadline { wake = signal.wait(seconds: 0.1) }
        return wake
    }

    @Test func aFileWrittenAndClosedIsSaved() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let signal = SaveSignal(folders: [folder.path])
        #expect(signal.wait(seconds: 0.05) == .timeout)
        try Data("# A chapter\n".utf8).write(to: folder.appendingPathComponent("a.md"))
        #expect(nextWake(signal) == .saved)
    }

    @Test func aFileStillOpenForWritingIsNotSavedUntilItIsClosed() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.md")
        try Data().write(to: file)
        let signal = SaveSignal(folders: [folder.path])
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data("# half a chapter".utf8))
        #expect(nextWake(signal) == .changing)
        try handle.close()
        #expect(nextWake(signal) == .saved)
    }

    @Test func aFileRenamedIntoPlaceIsSavedAndHiddenFilesDoNotHoldItBack() throws {
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
        var wakes: [SaveSignal.Wake] = []
        while wakes.last != .saved && wakes.count < 5 { wakes.append(nextWake(signal, seconds: 2)) }
        #expect(wakes.last == .saved, "\(wakes)")
    }
}
#endif
