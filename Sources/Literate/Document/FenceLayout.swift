/// A fenced code block located in the original bytes: where its fences and content lines are,
/// which fence it uses, and what prefix (container indentation, `> `) its lines carry.
struct FenceLayout: Hashable, Sendable {
    /// 1-based line of the opening fence.
    var openingLine: Int
    /// 1-based line of the closing fence.
    var closingLine: Int
    /// `` ` `` or `~`.
    var fenceCharacter: UInt8
    /// How many fence characters open the block.
    var fenceLength: Int
    /// Byte offset of the opening fence's first character.
    var fenceOffset: Int
    /// The opening line's bytes before the fence: container markers and indentation, as
    /// written (`ContainerPrefix` turns them into the prefix of new lines).
    var rawPrefix: [UInt8]
    /// The content lines' text, container indentation removed (byte-exact from the file when
    /// cmark's view of the line is a suffix of it, which is every case without tabs or NUL).
    var contentLines: [String]
    /// How many bytes were removed before the first content line's text.
    var firstContentIndentation: Int

    /// Locates `block` in the bytes.
    ///
    /// - Throws: `ChapterError` at the opening fence if the fence is never closed (it runs to
    ///   the end of the document or of its list item or block quote).
    init(block: MarkdownOutline.CodeBlock, bytes: [UInt8], lines: LineTable,
         blockStartLines: Set<Int>, path: String) throws {
        let opening = lines.line(block.startLine)!
        let offset = opening.start + block.startColumn - 1
        openingLine = block.startLine
        fenceOffset = offset
        fenceCharacter = bytes[offset]
        fenceLength = Self.run(of: fenceCharacter, in: bytes, from: offset, to: opening.contentEnd)
        rawPrefix = Array(bytes[opening.start..<offset])
        let literalLines = LineTable.texts(of: block.literal)
        closingLine = block.endLine
        guard Self.isClosingFence(line: block.endLine, of: block, character: fenceCharacter, length: fenceLength,
                                  bytes: bytes, lines: lines, blockStartLines: blockStartLines),
              literalLines.count == block.endLine - block.startLine - 1 else {
            let fence = String(repeating: Character(Unicode.Scalar(fenceCharacter)), count: fenceLength)
            throw ChapterError(
                location: SourceLocation(path: path, line: block.startLine, column: offset - opening.start + 1),
                message: "this code fence is never closed, so the block runs to the end of its container; "
                    + "add a closing line '\(fence)' at the same indentation after the code")
        }
        contentLines = []
        firstContentIndentation = offset - opening.start
        for (position, expected) in literalLines.enumerated() {
            let line = lines.line(block.startLine + 1 + position)!
            let original = Array(bytes[line.start..<line.contentEnd])
            let wanted = Array(expected.utf8)
            let removed = original.count - wanted.count
            if removed >= 0, original[removed...].elementsEqual(wanted) {
                contentLines.append(String(decoding: original[removed...], as: UTF8.self))
                if position == 0, !wanted.isEmpty { firstContentIndentation = removed }
            } else {
                // A tab split by the container's indentation, or a NUL: cmark's reading is the right one.
                contentLines.append(expected)
            }
        }
    }

    /// Whether `line` closes the block: only container markers and indentation, then at least
    /// `length` fence characters, then only spaces; and no other block starts there (cmark
    /// reports an unclosed fence as ending on the line that closed its container).
    private static func isClosingFence(line number: Int, of block: MarkdownOutline.CodeBlock, character: UInt8,
                                       length: Int, bytes: [UInt8], lines: LineTable,
                                       blockStartLines: Set<Int>) -> Bool {
        guard number > block.startLine, !blockStartLines.contains(number), let line = lines.line(number) else {
            return false
        }
        var offset = line.start
        while offset < line.contentEnd, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">")].contains(bytes[offset]) {
            offset += 1
        }
        let count = run(of: character, in: bytes, from: offset, to: line.contentEnd)
        guard count >= length else { return false }
        return bytes[(offset + count)..<line.contentEnd].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// How many times `character` repeats from `start`.
    static func run(of character: UInt8, in bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var offset = start
        while offset < end, bytes[offset] == character { offset += 1 }
        return offset - start
    }
}
