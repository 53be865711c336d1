/// Finding cells, their outputs and the chapter settings in a parsed document.
extension Chapter {
    /// The first word of an info string, which says what a fenced block is.
    static func kind(of info: String) -> Substring {
        info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""
    }

    static func readCells(_ outline: MarkdownOutline, bytes: [UInt8], lines: LineTable, path: String) throws -> [Cell] {
        var cells: [Cell] = []
        for block in outline.codeBlocks where block.isFenced && kind(of: block.info) == "swift" {
            let fence = try FenceLayout(block: block, bytes: bytes, lines: lines,
                                        blockStartLines: outline.blockStartLines, path: path)
            let opening = lines.line(fence.openingLine)!
            let fenceLocation = SourceLocation(path: path, line: fence.openingLine, column: fence.fenceOffset - opening.start + 1)
            let column = infoColumn(fence: fence, bytes: bytes, line: opening)
            let infoLocation = SourceLocation(path: path, line: fence.openingLine, column: column)
            let source = InfoStringSource(raw: bytes[(opening.start + column - 1)..<opening.contentEnd], decoded: block.info)
            let options = try CellOptions(infoString: block.info, location: infoLocation, rawOffset: source.rawOffset)
            var output: FenceLayout?
            if let next = block.followingCodeBlock.map({ outline.codeBlocks[$0] }), next.isFenced,
               kind(of: next.info) == "output",
               onlyBlankLines(from: fence.closingLine + 1, to: next.startLine, bytes: bytes, lines: lines) {
                output = try FenceLayout(block: next, bytes: bytes, lines: lines,
                                         blockStartLines: outline.blockStartLines, path: path)
            }
            let recorded = output.map { $0.contentLines.map { $0 + "\n" }.joined() }
            let outputLocation = output.map { layout in
                SourceLocation(path: path, line: layout.openingLine,
                               column: layout.fenceOffset - lines.line(layout.openingLine)!.start + 1)
            }
            cells.append(Cell(
                id: Cell.ID(index: cells.count),
                source: fence.contentLines.map { $0 + "\n" }.joined(),
                options: options,
                location: SourceLocation(path: path, line: fence.openingLine + 1, column: fence.firstContentIndentation + 1),
                fenceLocation: fenceLocation,
                recordedOutput: recorded,
                outputLocation: outputLocation,
                layout: CellLayout(cell: fence, output: output)))
        }
        return cells
    }

    /// Column of the info string's first word on the opening fence line.
    private static func infoColumn(fence: FenceLayout, bytes: [UInt8], line: LineTable.Line) -> Int {
        var offset = fence.fenceOffset + fence.fenceLength
        while offset < line.contentEnd, bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "\t") {
            offset += 1
        }
        return offset - line.start + 1
    }

    /// Whether lines `first..<end` hold nothing but container markers and spaces.
    private static func onlyBlankLines(from first: Int, to end: Int, bytes: [UInt8], lines: LineTable) -> Bool {
        guard first <= end else { return false }
        for number in first..<end {
            guard let line = lines.line(number) else { return false }
            let blank = bytes[line.start..<line.contentEnd].allSatisfy {
                $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">")
            }
            if !blank { return false }
        }
        return true
    }

    static func readSettings(_ outline: MarkdownOutline, path: String) throws -> ChapterSettings {
        var settings = ChapterSettings()
        var seen: Set<String> = []
        for block in outline.htmlBlocks {
            let location = SourceLocation(path: path, line: block.startLine, column: block.startColumn)
            _ = try settings.read(comment: block.literal, location: location, seen: &seen)
        }
        return settings
    }
}
