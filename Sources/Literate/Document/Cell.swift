/// One `swift` code cell of a chapter, with its recorded output if it has one.
public struct Cell: Hashable, Sendable {
    /// 0-based position among the chapter's swift cells.
    public let index: Int
    /// The code: fence and container indentation (list item, `> `) removed, lines ending in `\n`.
    public let source: String
    /// What the info string's options ask for.
    public let options: CellOptions
    /// The first code line (the line after the opening fence), at the column where the code
    /// starts once the container's indentation is removed. Diagnostics map through it.
    public let location: SourceLocation
    /// The first character of the opening fence.
    public let fenceLocation: SourceLocation
    /// The text of the `output` block after the cell, each line ending in `\n`; nil if none.
    /// It is written in `OutputEncoding` (control characters as `\u{1B}`); `OutputEncoding.decode`
    /// gives back what the cell printed.
    public let recordedOutput: String?
    /// The first character of the output block's opening fence; nil if none.
    public let outputLocation: SourceLocation?

    /// Where the cell and its output block sit in the file's bytes, for splicing.
    let layout: CellLayout

    init(index: Int, source: String, options: CellOptions, location: SourceLocation,
         fenceLocation: SourceLocation, recordedOutput: String?, outputLocation: SourceLocation?,
         layout: CellLayout) {
        self.index = index
        self.source = source
        self.options = options
        self.location = location
        self.fenceLocation = fenceLocation
        self.recordedOutput = recordedOutput
        self.outputLocation = outputLocation
        self.layout = layout
    }
}

extension Cell {
    /// Where line `outputLine` (1-based, as `OutputMismatch.line` counts) of the recorded output
    /// sits in the chapter, so a report can point at the very line that changed. A line past the
    /// end of the block points at its closing fence. Nil if the cell has no output block.
    public func location(ofOutputLine outputLine: Int) -> SourceLocation? {
        guard let outputLocation, let output = layout.output else { return nil }
        let line = outputLocation.line + min(max(outputLine, 1), output.contentLines.count + 1)
        return SourceLocation(path: outputLocation.path, line: line, column: outputLocation.column)
    }
}
