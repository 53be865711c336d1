/// Moves chapter lines from the text a run read to the text it wrote, so every position `run`
/// prints is true in the file the author opens (outputs inserted or removed above a line move it).
///
/// Both texts have the same cells (that is when `run` writes), so cells are the anchors: a line
/// inside a cell (fence to fence) moves with its cell; any other line moves with the next cell
/// after it, or with the end of the file after the last cell. Columns never move: output blocks
/// are whole lines.
struct PositionMap {
    private struct Anchor {
        var firstLine: Int
        var lastLine: Int
        var shift: Int
    }

    private let anchors: [Anchor]
    private let shiftAtEnd: Int

    /// The identity.
    init() {
        anchors = []
        shiftAtEnd = 0
    }

    /// From `old` to `new`; nil when their cells differ in number.
    init?(from old: Chapter, to new: Chapter) {
        guard old.cells.count == new.cells.count else { return nil }
        anchors = zip(old.cells, new.cells).map { before, after in
            Anchor(firstLine: before.fenceLocation.line, lastLine: before.layout.cell.closingLine,
                   shift: after.fenceLocation.line - before.fenceLocation.line)
        }
        shiftAtEnd = new.lines.lines.count - old.lines.lines.count
    }

    /// Where line `line` of the old text is in the new one (0, a whole-file position, stays 0).
    func line(_ line: Int) -> Int {
        guard line > 0 else { return line }
        for anchor in anchors where line <= anchor.lastLine {
            return line + anchor.shift
        }
        return line + shiftAtEnd
    }

    /// A compiler message (`path:line:column: warning: ...`, possibly several lines) with the
    /// line of every location in `path` moved.
    func message(_ text: String, path: String) -> String {
        let prefix = path + ":"
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { row -> String in
            guard row.hasPrefix(prefix) else { return String(row) }
            let rest = row.dropFirst(prefix.count)
            guard let colon = rest.firstIndex(of: ":"), let old = Int(rest[..<colon]) else { return String(row) }
            return prefix + "\(line(old))" + rest[colon...]
        }.joined(separator: "\n")
    }
}
