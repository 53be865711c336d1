/// The lines of a file's bytes, found the way CommonMark finds them: a line ends at `\n`,
/// `\r\n` or a lone `\r`; a leading byte-order mark belongs to no line. Offsets are into the
/// original bytes, so splicing can cut exactly.
///
/// This is swiftbook's one way of cutting text into lines: the document's lines, a code block's
/// literal (`FenceLayout`), an output's lines (`OutputBlockText`) and the renderer's search for
/// where text was written (`SourceLines`) all use it.
struct LineTable: Sendable {
    /// One line: `start..<contentEnd` is its text, `contentEnd..<end` its terminator (empty on
    /// a last line without one).
    struct Line: Sendable, Hashable {
        var start: Int
        var contentEnd: Int
        var end: Int
        var hasTerminator: Bool { end > contentEnd }
    }

    /// All lines; `lines[0]` is line 1. A file ending in a terminator has no empty line after it.
    let lines: [Line]

    /// The lines of `bytes`; a UTF-8 byte-order mark at the start is not part of line 1 (as for
    /// cmark and editors) unless `skippingByteOrderMark` is false (for text that is no file).
    init(_ bytes: [UInt8], skippingByteOrderMark: Bool = true) {
        var lines: [Line] = []
        var start = skippingByteOrderMark && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                lines.append(Line(start: start, contentEnd: index, end: index + 1))
                start = index + 1
            } else if byte == UInt8(ascii: "\r") {
                let crlf = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")
                lines.append(Line(start: start, contentEnd: index, end: index + (crlf ? 2 : 1)))
                if crlf { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { lines.append(Line(start: start, contentEnd: bytes.count, end: bytes.count)) }
        self.lines = lines
    }

    /// The line with the given 1-based number, or nil past the end.
    func line(_ number: Int) -> Line? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// The 1-based line and column of a byte offset.
    func position(ofOffset offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].end <= offset { low = middle + 1 } else { high = middle }
        }
        guard low < lines.count else {
            return (lines.count + 1, 1)
        }
        return (low + 1, offset - lines[low].start + 1)
    }
}

extension LineTable {
    /// The text of each line of `text`, without its terminator: a final line break ends the last
    /// line rather than starting an empty one, and empty text has no lines.
    static func texts(of text: String) -> [String] {
        let bytes = Array(text.utf8)
        return LineTable(bytes, skippingByteOrderMark: false).lines.map {
            String(decoding: bytes[$0.start..<$0.contentEnd], as: UTF8.self)
        }
    }
}
