/// How an output text (already in `OutputEncoding`) becomes the lines of an output block, and
/// which fence keeps them inside it.
enum OutputBlockText {
    /// The lines of an encoded output: `\n` ends a line (the encoding leaves no other line
    /// break), and one final `\n` ends the last line rather than starting an empty one. Empty
    /// text has no lines.
    static func lines(of text: String) -> [String] {
        LineTable.texts(of: text)
    }

    /// The shortest fence of `character` that no content line can close: one longer than the
    /// longest run of it that starts a line (after indentation), and at least 3.
    static func fenceLength(for lines: [String], character: UInt8) -> Int {
        var longest = 0
        for line in lines {
            let bytes = line.utf8.drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            longest = max(longest, bytes.prefix(while: { $0 == character }).count)
        }
        return max(3, longest + 1)
    }

    /// The bytes of an output block's lines, each line starting with `prefix` (a
    /// `ContainerPrefix`; an empty line gets its blank form), all but the closing fence
    /// followed by `ending`.
    static func blockBytes(lines: [String], character: UInt8, length: Int, prefix: [UInt8],
                           ending: [UInt8]) -> (opening: [UInt8], content: [UInt8], closing: [UInt8]) {
        let fence = [UInt8](repeating: character, count: length)
        let opening = prefix + fence + Array("output".utf8) + ending
        var content: [UInt8] = []
        for line in lines {
            content += line.isEmpty ? ContainerPrefix.blankLine(prefix) : prefix + Array(line.utf8)
            content += ending
        }
        return (opening, content, prefix + fence)
    }
}
