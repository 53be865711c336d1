/// Writing the figure lines (see `FigureLink`) after output blocks.
///
/// Run after the outputs are spliced, on the chapter as they left it: for each given cell, the
/// owned line after its output block (or after the cell, when the block is gone) is created,
/// replaced or removed, and no other byte changes. A new line goes right after the block's
/// closing fence, at the block's container prefix, and ends as that fence line ends (a file
/// without a final newline keeps ending without one), so removing it gives back the bytes from
/// before it was written. No blank line is added or removed, so no list changes from tight to loose.
extension Chapter {
    /// The chapter's bytes with the figure lines of the given cells set: a link
    /// writes or replaces the line, nil removes it; cells not in the dictionary keep theirs.
    func splicingFigureLinks(_ links: [Cell.ID: FigureLink?]) -> [UInt8] {
        let stem = FigureLink.chapterStem(ofPath: path)
        var changes: [(range: Range<Int>, replacement: [UInt8])] = []
        for cell in cells {
            guard let wanted = links[cell.id] else { continue }
            let block = cell.layout.output ?? cell.layout.cell
            guard let closing = lines.line(block.closingLine) else { continue }
            let prefix = ContainerPrefix.canonical(block.rawPrefix)
            let existing = lines.line(block.closingLine + 1).flatMap { line -> LineTable.Line? in
                let text = String(decoding: bytes[line.start..<line.contentEnd], as: UTF8.self)
                return FigureLink.ownedPath(inLine: text, chapterStem: stem) != nil ? line : nil
            }
            let newText = wanted.map { prefix + Array($0.markdown.utf8) }
            switch (existing, newText) {
            case (nil, nil):
                continue
            case let (line?, nil):
                // The line and its break; a last line without one takes the break before it.
                changes.append(line.hasTerminator ? (line.start..<line.end, []) : (closing.contentEnd..<line.contentEnd, []))
            case let (line?, text?):
                if !bytes[line.start..<line.contentEnd].elementsEqual(text) {
                    changes.append((line.start..<line.contentEnd, text))
                }
            case let (nil, text?):
                // Only after an output block: a figure always comes with its description.
                guard cell.layout.output != nil else { continue }
                let ending = closing.hasTerminator ? Array(bytes[closing.contentEnd..<closing.end]) : [UInt8(ascii: "\n")]
                changes.append(closing.hasTerminator ? (closing.end..<closing.end, text + ending)
                                                     : (closing.end..<closing.end, ending + text))
            }
        }
        var result = bytes
        for change in changes.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(change.range, with: change.replacement)
        }
        return result
    }

    /// The figure file (relative path) the line after a cell's output block names, if swiftbook owns that line.
    func recordedFigurePath(ofCell id: Cell.ID) -> (path: String, line: Int)? {
        guard let output = cell(id)?.layout.output,
              let line = lines.line(output.closingLine + 1) else { return nil }
        let text = String(decoding: bytes[line.start..<line.contentEnd], as: UTF8.self)
        return FigureLink.ownedPath(inLine: text, chapterStem: FigureLink.chapterStem(ofPath: path))
            .map { ($0, output.closingLine + 1) }
    }
}
