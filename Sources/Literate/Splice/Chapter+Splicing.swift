/// Writing outputs back: every byte outside the output blocks stays as it was.
extension Chapter {
    /// The chapter's bytes with the output blocks of the given cells created, replaced or removed.
    ///
    /// - Parameter outputs: per cell index, the new output text; `nil` or `""` (the cell printed
    ///   nothing) removes the output block; cells not in the dictionary keep theirs.
    /// - Returns: the new file bytes. A new block goes after the cell's closing fence, one blank
    ///   line apart, with the cell's container prefix, fence character and line ending. A
    ///   replaced block keeps its fence character and prefix; its fence becomes the shortest
    ///   that holds the new text (at least 3), and fence lines of that length are kept byte for byte.
    public func splicing(outputs: [Int: String?]) -> [UInt8] {
        var edits: [(range: Range<Int>, replacement: [UInt8])] = []
        for cell in cells {
            guard let entry = outputs[cell.index] else { continue }
            if let edit = edit(for: cell, newLines: OutputBlockText.lines(of: entry ?? "")) {
                edits.append(edit)
            }
        }
        var result = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: edit.replacement)
        }
        return result
    }

    /// The one change a cell's new output needs, or nil if its block already says that.
    private func edit(for cell: Cell, newLines: [String]) -> (range: Range<Int>, replacement: [UInt8])? {
        let layout = cell.layout
        let cellClosing = lines.line(layout.cell.closingLine)!
        guard let output = layout.output else {
            guard !newLines.isEmpty else { return nil }
            return insertion(after: cellClosing, layout: layout, newLines: newLines)
        }
        let outputOpening = lines.line(output.openingLine)!
        let outputClosing = lines.line(output.closingLine)!
        if newLines.isEmpty {
            // Remove the block and the blank lines before it; at the end of a file without a
            // final newline, the cell's own line break goes too, so the file still ends without one.
            let start = outputClosing.hasTerminator ? cellClosing.end : cellClosing.contentEnd
            return (start..<outputClosing.end, [])
        }
        if newLines == output.contentLines { return nil }
        let needed = OutputBlockText.fenceLength(for: newLines, character: output.fenceCharacter)
        let block = OutputBlockText.blockBytes(lines: newLines, character: output.fenceCharacter, length: needed,
                                               prefix: output.linePrefix, ending: layout.lineEnding)
        if output.fenceLength == needed {
            // The old fences are the ones the new text needs: keep them byte for byte.
            return (outputOpening.end..<outputClosing.start, block.content)
        }
        // The fence grows (the text holds a fence) or shrinks back to the shortest that works,
        // so that splicing the old text back restores the old bytes.
        let closingEnding = Array(bytes[outputClosing.contentEnd..<outputClosing.end])
        return (outputOpening.start..<outputClosing.end, block.opening + block.content + block.closing + closingEnding)
    }

    /// A new output block after the cell's closing fence.
    private func insertion(after cellClosing: LineTable.Line, layout: CellLayout,
                           newLines: [String]) -> (range: Range<Int>, replacement: [UInt8]) {
        let fence = layout.cell
        let length = OutputBlockText.fenceLength(for: newLines, character: fence.fenceCharacter)
        let block = OutputBlockText.blockBytes(lines: newLines, character: fence.fenceCharacter, length: length,
                                               prefix: fence.linePrefix, ending: layout.lineEnding)
        let blank = OutputBlockText.blankLine(prefix: fence.linePrefix) + layout.lineEnding
        if cellClosing.hasTerminator {
            return (cellClosing.end..<cellClosing.end, blank + block.opening + block.content + block.closing + layout.lineEnding)
        }
        // The file ends without a final newline; the new block ends the same way.
        return (cellClosing.end..<cellClosing.end,
                layout.lineEnding + blank + block.opening + block.content + block.closing)
    }
}
