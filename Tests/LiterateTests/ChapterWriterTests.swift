import Foundation
import Testing
@testable import Literate

/// `ChapterWriter` on real files: it replaces a chapter only when it still holds the bytes the new
/// text was made from, however late the author's edit comes.
@Suite struct ChapterWriterTests {
    private func scratchFile(_ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("x.md").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func anUnchangedFileIsReplaced() throws {
        let path = try scratchFile("old\n")
        let result = try ChapterWriter.write(Array("new\n".utf8), madeFrom: Array("old\n".utf8), to: path,
                                             rebase: { _ in Issue.record("no rebase needed"); return nil })
        #expect(result == .init(written: true, bytes: Array("new\n".utf8)))
        #expect(try contents(path) == "new\n")
    }

    @Test func anEditBeforeTheCheckIsRebasedOrRefused() throws {
        let path = try scratchFile("edited\n")
        let merged = try ChapterWriter.write(Array("new\n".utf8), madeFrom: Array("old\n".utf8), to: path,
                                             rebase: { current in current + Array("merged\n".utf8) })
        #expect(merged.written)
        #expect(try contents(path) == "edited\nmerged\n")
        #expect(throws: ChapterWriteError.changedOnDisk) {
            try ChapterWriter.write(Array("new\n".utf8), madeFrom: Array("old\n".utf8), to: path, rebase: { _ in nil })
        }
        #expect(try contents(path) == "edited\nmerged\n")
    }

    @Test func anEditInTheLastMomentBeforeTheSwapIsNeverOverwritten() throws {
        let path = try scratchFile("old\n")
        var rounds = 0
        let result = try ChapterWriter.write(
            Array("new\n".utf8), madeFrom: Array("old\n".utf8), to: path,
            rebase: { current in current + Array("merged\n".utf8) },
            beforeSwap: {
                rounds += 1
                // The author saves (in place, then by rename) while the temporary file is ready.
                if rounds == 1 { try? Data("late edit\n".utf8).write(to: URL(fileURLWithPath: path)) }
                if rounds == 2 { try? Data("later edit\n".utf8).write(to: URL(fileURLWithPath: path), options: .atomic) }
            })
        #expect(rounds == 3)
        #expect(result.written)
        #expect(try contents(path) == "later edit\nmerged\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        #expect(left == ["x.md"])
    }

    @Test func nothingIsWrittenWhenTheBytesAreTheSame() throws {
        let path = try scratchFile("same\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let result = try ChapterWriter.write(Array("same\n".utf8), madeFrom: Array("same\n".utf8), to: path, rebase: { _ in nil })
        #expect(!result.written)
    }
}
