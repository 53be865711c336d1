/// A replacement of a byte range of a cell's source, and the bookkeeping that maps a column of the
/// edited text back to the column of the cell's own text.
///
/// Every edit the planner makes stays on one line (an identifier renamed, `__show(` or `)`
/// inserted, a namespace opened or closed), so a diagnostic's line never moves and its column moves
/// only by the edits before it on that line.
struct SourceEdit: Hashable {
    /// UTF-8 offset in the original cell source where the replaced range starts.
    var offset: Int
    /// Number of original UTF-8 bytes replaced (0 for an insertion).
    var length: Int
    /// The text put in their place.
    var replacement: String
}

/// Applies edits (non-overlapping) to a text and remembers, per line, how columns moved.
struct EditedText {
    /// The text after all edits.
    var text: String
    /// For each 0-based line of the result: the edits on that line as (original column, original
    /// length, replacement length), columns 1-based in UTF-8 bytes, in order.
    private var lineEdits: [Int: [(column: Int, length: Int, inserted: Int)]] = [:]

    init(original: String, edits: [SourceEdit]) {
        let bytes = Array(original.utf8)
        let sorted = edits.sorted { ($0.offset, $0.length) < ($1.offset, $1.length) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + sorted.count * 8)
        var cursor = 0
        var line = 0
        var lineStart = 0
        func advance(to end: Int) {
            while cursor < end {
                result.append(bytes[cursor])
                if bytes[cursor] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = cursor + 1
                }
                cursor += 1
            }
        }
        for edit in sorted where edit.offset >= cursor {
            advance(to: edit.offset)
            let column = edit.offset - lineStart + 1
            lineEdits[line, default: []].append((column, edit.length, edit.replacement.utf8.count))
            result.append(contentsOf: Array(edit.replacement.utf8))
            cursor = edit.offset + edit.length
        }
        advance(to: bytes.count)
        text = String(decoding: result, as: UTF8.self)
    }

    /// The column of the original text that a column of the edited text on `line` (0-based)
    /// came from; a column inside inserted text maps to where the insertion was made.
    func originalColumn(line: Int, column: Int) -> Int {
        var shift = 0
        for edit in lineEdits[line] ?? [] {
            let start = edit.column + shift
            if column < start { break }
            if column < start + edit.inserted { return edit.column }
            shift += edit.inserted - edit.length
        }
        return column - shift
    }
}
