import Foundation
import Testing
@testable import Literate

/// `FileStamp`, the one answer to "has this file changed?" (the preview's watcher, the cache's
/// remembered digests).
@Suite struct FileStampTests {
    @Test func aSaveInPlaceOrByRenameChangesTheStampAndNothingElseDoes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-stamp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("x.md")
        #expect(FileStamp(path: file.path) == nil)
        try Data("one\n".utf8).write(to: file)
        let first = try #require(FileStamp(path: file.path))
        #expect(FileStamp(path: file.path) == first, "reading changes nothing")
        #expect(first.size == 4)

        try Data("three\n".utf8).write(to: file)  // in place: another size
        let second = try #require(FileStamp(path: file.path))
        #expect(second != first && second.inode == first.inode)

        let replacement = folder.appendingPathComponent("x.md.new")
        try Data("three\n".utf8).write(to: replacement)  // same size, renamed over it: another inode
        let inode = try #require(FileStamp(path: replacement.path)).inode
        #expect(rename(replacement.path, file.path) == 0)
        let third = try #require(FileStamp(path: file.path))
        #expect(third != second && third.inode == inode && third.size == second.size)
        // The cache's digests are remembered under the path and this stamp.
        #expect(FileDigests.stamp(file.path) == file.path + "\0" + third.description)
    }
}
