import Foundation

/// How an output text becomes the lines of an output block, and which fence keeps them inside it.
enum OutputBlockText {
    /// The lines of an output: `\r\n` and lone `\r` count as line breaks, and one final line
    /// break ends the last line rather than starting an empty one. Empty text has no lines.
    static func lines(of text: String) -> [String] {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = unified.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
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

    /// The bytes of an output block's lines, each line starting with `prefix` (trailing spaces
    /// dropped on blank lines, so a block quote's blank line is just `>`), all but the closing
    /// fence followed by `ending`.
    static func blockBytes(lines: [String], character: UInt8, length: Int, prefix: [UInt8],
                           ending: [UInt8]) -> (opening: [UInt8], content: [UInt8], closing: [UInt8]) {
        let fence = [UInt8](repeating: character, count: length)
        let opening = prefix + fence + Array("output".utf8) + ending
        var content: [UInt8] = []
        for line in lines {
            content += line.isEmpty ? blankLine(prefix: prefix) : prefix + Array(line.utf8)
            content += ending
        }
        return (opening, content, prefix + fence)
    }

    /// A blank line inside a container: the prefix without its trailing spaces and tabs.
    static func blankLine(prefix: [UInt8]) -> [UInt8] {
        var trimmed = prefix
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { trimmed.removeLast() }
        return trimmed
    }
}
