/// Writing outputs back: every byte outside the output blocks stays as it was, and so does the
/// document's structure.
///
/// The rules, each chosen so that `run` twice changes nothing and removing an output gives back
/// the bytes from before it was inserted:
/// - Text: a cell's output goes in as `OutputEncoding.encode(output)`, so that cmark reads the
///   block back as exactly that (what `check` compares).
/// - Prefix: every line of a new or rewritten block carries the `ContainerPrefix` of its fence.
/// - Line endings: the lines of a new block end as the line they are inserted after (the cell's
///   closing fence; its opening fence if the file ends there without one). Any other choice
///   could join the following byte: a block ending in CR before an LF would become one CRLF.
///   A replaced block's lines end as its own opening fence line does.
/// - Blank lines: a new block goes one blank line after its cell, unless that blank line would
///   change the document's structure (it would make a tight list loose); then it goes right after
///   the closing fence. Removing a block removes the blank lines before it, unless that would
///   change the structure (make a loose list tight); then they stay. Structure is
///   `DocumentStructure`, cmark's own reading of the document without its output blocks.
/// - Fences: a new block uses its cell's fence character; a replaced block keeps its own; the
///   fence is the shortest that holds the text (at least 3), and fence lines that already are
///   that and carry the canonical prefix are kept byte for byte.
extension Chapter {
    /// The chapter's bytes with the output blocks of the edited cells created, rewritten or removed;
    /// the other cells keep theirs. An edit for a cell the chapter does not have is ignored; of
    /// two edits for one cell, the last counts.
    ///
    /// - Returns: the new file bytes.
    func splicing(_ outputEdits: [OutputEdit]) -> [UInt8] {
        var wanted: [Cell.ID: OutputEdit] = [:]
        for edit in outputEdits { wanted[edit.cell] = edit }
        var edits: [SpliceEdit] = []
        for cell in cells {
            let change: SpliceEdit?
            switch wanted[cell.id] {
            case nil: continue
            case .write(_, let printed)?: change = edit(for: cell, newLines: OutputBlockText.lines(of: OutputEncoding.encode(printed)))
            case .remove?: change = removal(for: cell)
            }
            if let change { edits.append(change) }
        }
        let preferred = applying(edits.map(\.preferred))
        guard edits.contains(where: { $0.alternative != nil }) else { return preferred }
        let structure = DocumentStructure(bytes)
        if DocumentStructure(preferred) == structure { return preferred }
        // Some blank line changes the structure: decide edit by edit, then make sure of the whole.
        let chosen = edits.map { edit -> SpliceEdit.Change in
            guard let alternative = edit.alternative else { return edit.preferred }
            return DocumentStructure(applying([edit.preferred])) == structure ? edit.preferred : alternative
        }
        let result = applying(chosen)
        if DocumentStructure(result) == structure { return result }
        return applying(edits.map { $0.alternative ?? $0.preferred })
    }

    private func applying(_ changes: [SpliceEdit.Change]) -> [UInt8] {
        var result = bytes
        for change in changes.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(change.range, with: change.replacement)
        }
        return result
    }

    /// The change that takes away a cell's output block, or nil if it has none.
    private func removal(for cell: Cell) -> SpliceEdit? {
        let layout = cell.layout
        guard let output = layout.output else { return nil }
        let cellClosing = lines.line(layout.cell.closingLine)!
        let outputOpening = lines.line(output.openingLine)!
        let outputClosing = lines.line(output.closingLine)!
        // The block and the blank lines before it; at the end of a file without a final
        // newline the cell's own line break goes too, so the file still ends without one.
        let start = outputClosing.hasTerminator ? cellClosing.end : cellClosing.contentEnd
        let keepingBlankLines = output.openingLine > layout.cell.closingLine + 1 && outputClosing.hasTerminator
            ? SpliceEdit.Change(range: outputOpening.start..<outputClosing.end, replacement: []) : nil
        return SpliceEdit(preferred: .init(range: start..<outputClosing.end, replacement: []),
                          alternative: keepingBlankLines)
    }

    /// The one change a cell's new output lines need, or nil if its block already says that.
    private func edit(for cell: Cell, newLines: [String]) -> SpliceEdit? {
        let layout = cell.layout
        let cellClosing = lines.line(layout.cell.closingLine)!
        guard let output = layout.output else {
            return insertion(after: cellClosing, cell: layout.cell, newLines: newLines)
        }
        if newLines == output.contentLines { return nil }
        let outputOpening = lines.line(output.openingLine)!
        let outputClosing = lines.line(output.closingLine)!
        let prefix = ContainerPrefix.canonical(output.rawPrefix)
        let needed = OutputBlockText.fenceLength(for: newLines, character: output.fenceCharacter)
        let block = OutputBlockText.blockBytes(lines: newLines, character: output.fenceCharacter, length: needed,
                                               prefix: prefix, ending: ending(of: outputOpening))
        if output.fenceLength == needed && prefix == output.rawPrefix {
            // The old fences are the ones the new text needs: keep them byte for byte.
            return SpliceEdit(preferred: .init(range: outputOpening.end..<outputClosing.start, replacement: block.content))
        }
        // The fence grows (the text holds a fence) or shrinks back to the shortest that works, so
        // that splicing the old text back restores the old bytes; or the prefix was not one that
        // reads back exactly.
        return SpliceEdit(preferred: .init(range: outputOpening.start..<outputClosing.contentEnd,
                                           replacement: block.opening + block.content + block.closing))
    }

    /// A new output block after the cell's closing fence.
    private func insertion(after cellClosing: LineTable.Line, cell: FenceLayout, newLines: [String]) -> SpliceEdit {
        let prefix = ContainerPrefix.canonical(cell.rawPrefix)
        let length = OutputBlockText.fenceLength(for: newLines, character: cell.fenceCharacter)
        let ending = cellClosing.hasTerminator ? ending(of: cellClosing) : ending(of: lines.line(cell.openingLine)!)
        let block = OutputBlockText.blockBytes(lines: newLines, character: cell.fenceCharacter, length: length,
                                               prefix: prefix, ending: ending)
        let whole = block.opening + block.content + block.closing
        let blank = ContainerPrefix.blankLine(prefix) + ending
        let at = cellClosing.end..<cellClosing.end
        if cellClosing.hasTerminator {
            return SpliceEdit(preferred: .init(range: at, replacement: blank + whole + ending),
                              alternative: .init(range: at, replacement: whole + ending))
        }
        // The file ends without a final newline; the new block ends the same way.
        return SpliceEdit(preferred: .init(range: at, replacement: ending + blank + whole),
                          alternative: .init(range: at, replacement: ending + whole))
    }

    /// A line's terminator, `\n` for a last line without one.
    private func ending(of line: LineTable.Line) -> [UInt8] {
        line.hasTerminator ? Array(bytes[line.contentEnd..<line.end]) : [UInt8(ascii: "\n")]
    }
}

/// One output block's change, with the variant to use when the preferred one would change the
/// document's structure (the blank lines it adds or removes would tighten or loosen a list).
private struct SpliceEdit {
    struct Change {
        var range: Range<Int>
        var replacement: [UInt8]
    }

    var preferred: Change
    var alternative: Change? = nil
}
