import Foundation

/// A Markdown chapter: its bytes exactly as read, its `swift` cells with their recorded
/// outputs, and its settings.
///
/// The bytes are kept so that `splicing(_:)` can change output blocks and nothing else.
struct Chapter: Sendable {
    /// The path as the user gave it; every location uses it.
    let path: String
    /// The file's bytes, unchanged.
    let bytes: [UInt8]
    /// The `swift` cells in document order; `cells[i]` is the cell `Cell.ID(index: i)` (see `cell(_:)`).
    let cells: [Cell]
    /// Seed and time limit from `<!-- swiftbook: ... -->` comments.
    let settings: ChapterSettings
    /// The plain text of the first heading, if the chapter has one.
    var title: String?

    /// The file's lines, for splicing.
    let lines: LineTable
    /// Which lines are code, HTML and prose blocks, for the renderer's math.
    let blockLines: BlockLines

    /// Reads and parses the chapter at `path`.
    ///
    /// - Throws: `ChapterError` naming the path if it cannot be read, or any error of
    ///   `init(path:bytes:)`.
    static func load(path: String) throws -> Chapter {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ChapterError(path: path, message: "cannot read chapter: no such file; check the path")
        }
        guard !isDirectory.boolValue else {
            throw ChapterError(path: path, message: "cannot read chapter: it is a folder; pass a Markdown file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ChapterError(path: path, message:
                "cannot read chapter (\(error.localizedDescription)); check the file's permissions")
        }
        return try Chapter(path: path, bytes: [UInt8](data))
    }

    /// Parses a chapter from its bytes.
    ///
    /// - Throws: `ChapterError` for bytes that are not UTF-8 (at the first bad byte), an unknown
    ///   or conflicting cell option, a bad setting, or a cell or output fence that is never closed.
    init(path: String, bytes: [UInt8]) throws {
        let lines = LineTable(bytes)
        if let bad = firstInvalidUTF8Offset(bytes) {
            let position = lines.position(ofOffset: bad)
            throw ChapterError(
                location: SourceLocation(path: path, line: position.line, column: position.column),
                message: "the chapter is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) "
                    + "here); save it as UTF-8")
        }
        let outline = MarkdownOutline(bytes: bytes, lines: lines)
        self.path = path
        self.bytes = bytes
        self.lines = lines
        self.blockLines = outline.blockLines
        self.title = outline.title
        self.settings = try Self.readSettings(outline, path: path)
        self.cells = try Self.readCells(outline, bytes: bytes, lines: lines, path: path)
    }
}
