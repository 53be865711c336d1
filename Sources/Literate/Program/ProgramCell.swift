/// One cell as the program planner sees it: which cell it is, its code (with the indentation of
/// an enclosing list item or block quote removed) and where that code sits in the chapter.
struct ProgramCell: Sendable, Hashable {
    /// Which cell of the chapter this is.
    var id: Cell.ID
    /// The Swift source of the cell, indentation removed.
    var code: String
    /// Chapter line (1-based) of the code's first line, i.e. the line after the opening fence.
    var line: Int
    /// How many columns of indentation were removed from every line of the code; diagnostics
    /// add them back so a column points at the chapter's own character.
    var indentation: Int
    /// The cell is expected to fail (option `fails`): what it reports is its output, and a
    /// program without it runs the cells after it.
    var expectsFailure: Bool

    init(id: Cell.ID, code: String, line: Int, indentation: Int = 0, expectsFailure: Bool = false) {
        self.id = id
        self.code = code
        self.line = line
        self.indentation = indentation
        self.expectsFailure = expectsFailure
    }

    /// A chapter's cell as the planner takes it: its code, place and indentation as the
    /// document read them.
    init(_ cell: Cell) {
        self.init(id: cell.id, code: cell.source, line: cell.location.line, indentation: cell.indentation,
                  expectsFailure: cell.options.expectsFailure)
    }
}
