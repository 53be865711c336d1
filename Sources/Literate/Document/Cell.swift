/// One `swift` code cell of a chapter, with its recorded output if it has one.
struct Cell: Hashable, Sendable, Identifiable {
    /// Which cell of its chapter a cell is: its place among the chapter's swift cells.
    ///
    /// Every stage names a cell by it (the program cell, the execution's outcome, the report, the
    /// output edit, the rendered page), and this type alone turns it into what people read:
    /// `number` counts from 1, as messages say "cell 3", and `description` is that phrase. It is
    /// stored and encoded as the number (`"number": 3` in a JSON report).
    struct ID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
        /// The cell's number, counted from 1 in document order.
        let number: Int

        /// The cell numbered `number` (from 1), as messages, `#sourceLocation` names and figure
        /// files (`-cell3.svg`) write it.
        init(number: Int) {
            self.number = number
        }

        /// The cell at `index` (from 0) of the chapter's cells.
        init(index: Int) {
            self.init(number: index + 1)
        }

        /// The position of the cell in `Chapter.cells`.
        var index: Int { number - 1 }

        /// `cell 3`.
        var description: String { "cell \(number)" }

        static func < (a: ID, b: ID) -> Bool { a.number < b.number }

        init(from decoder: any Decoder) throws {
            try self.init(number: decoder.singleValueContainer().decode(Int.self))
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(number)
        }
    }

    /// Which cell of the chapter this is.
    let id: ID
    /// The code: fence and container indentation (list item, `> `) removed, lines ending in `\n`.
    let source: String
    /// What the info string's options ask for.
    let options: CellOptions
    /// The first code line (the line after the opening fence), at the column where the code
    /// starts once the container's indentation is removed. Diagnostics map through it.
    let location: SourceLocation
    /// The first character of the opening fence.
    let fenceLocation: SourceLocation
    /// The text of the `output` block after the cell, each line ending in `\n`; nil if none.
    /// It is written in `OutputEncoding` (control characters as `\u{1B}`); `OutputEncoding.decode`
    /// gives back what the cell printed.
    let recordedOutput: String?
    /// The first character of the output block's opening fence; nil if none.
    let outputLocation: SourceLocation?

    /// Where the cell and its output block sit in the file's bytes, for splicing.
    let layout: CellLayout

    init(id: ID, source: String, options: CellOptions, location: SourceLocation,
         fenceLocation: SourceLocation, recordedOutput: String?, outputLocation: SourceLocation?,
         layout: CellLayout) {
        self.id = id
        self.source = source
        self.options = options
        self.location = location
        self.fenceLocation = fenceLocation
        self.recordedOutput = recordedOutput
        self.outputLocation = outputLocation
        self.layout = layout
    }

    /// How many bytes of container indentation (a list item's, a block quote's `> `) were removed
    /// before the code's first line; a column in the code plus this is the column in the file.
    var indentation: Int { location.column - 1 }
}

extension Cell {
    /// Where line `outputLine` (1-based, as `OutputMismatch.line` counts) of the recorded output
    /// sits in the chapter, so a report can point at the very line that changed. A line past the
    /// end of the block points at its closing fence. Nil if the cell has no output block.
    func location(ofOutputLine outputLine: Int) -> SourceLocation? {
        guard let outputLocation, let output = layout.output else { return nil }
        let line = outputLocation.line + min(max(outputLine, 1), output.contentLines.count + 1)
        return SourceLocation(path: outputLocation.path, line: line, column: outputLocation.column)
    }
}

extension Chapter {
    /// The cell with identity `id`, if the chapter has it.
    func cell(_ id: Cell.ID) -> Cell? {
        cells.indices.contains(id.index) ? cells[id.index] : nil
    }
}
