import Foundation
import Testing

/// `swiftbook render` as a user runs it: the built binary in a scratch folder.
@Suite("The render command")
struct RenderCommandTests {
    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/swiftbook")

    /// Runs `swiftbook render arguments...` in `folder`; returns the exit status and standard error.
    func render(_ arguments: [String], in folder: URL) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["render"] + arguments
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// A scratch folder with the fixture folder `name` copied in as `Chapters`.
    func scratch(with name: String) throws -> URL {
        let folder = try RenderFixtures.scratchFolder()
        try FileManager.default.copyItem(at: RenderFixtures.folder.appendingPathComponent(name),
                                         to: folder.appendingPathComponent("Chapters"))
        return folder
    }

    @Test func rendersTheChaptersFolderByDefault() throws {
        let folder = try scratch(with: "unordered")
        defer { try? FileManager.default.removeItem(at: folder) }

        let result = try render(["--output", "site"], in: folder)

        #expect(result.status == 0)
        #expect(result.stderr.contains("Rendered 3 chapters into site/index.html"))
        for page in ["index.html", "a-first.html", "b-second.html", "c-third.html", "style.css"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/\(page)").path))
        }
    }

    @Test func aBadCellOptionExitsWithStatus2AndItsLocation() throws {
        let folder = try scratch(with: "bad")
        defer { try? FileManager.default.removeItem(at: folder) }

        let result = try render(["Chapters", "--output", "site"], in: folder)

        #expect(result.status == 2)
        #expect(result.stderr.contains("Chapters/bad-option.md:3:10: error:"))
        #expect(result.stderr.contains("hiden"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    }

    @Test func aForeignOutputFolderExitsWithStatus2() throws {
        let folder = try scratch(with: "unordered")
        defer { try? FileManager.default.removeItem(at: folder) }
        let foreign = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("jpeg".utf8).write(to: foreign.appendingPathComponent("cat.jpg"))

        let result = try render(["--output", "photos"], in: folder)

        #expect(result.status == 2)
        #expect(result.stderr.contains("photos: error: refusing to replace a folder that is not empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign.path) == ["cat.jpg"])
    }
}
