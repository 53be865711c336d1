/// One cell as the program planner sees it: its code (with the indentation of an enclosing list
/// item or block quote removed) and where that code sits in the chapter.
public struct ProgramCell: Sendable, Hashable {
    /// The cell's position among the chapter's cells, counted from 1 as messages say "cell 3".
    public var number: Int
    /// The Swift source of the cell, indentation removed.
    public var code: String
    /// Chapter line (1-based) of the code's first line, i.e. the line after the opening fence.
    public var line: Int
    /// How many columns of indentation were removed from every line of the code; diagnostics
    /// add them back so a column points at the chapter's own character.
    public var indentation: Int
    /// The cell is expected to fail (option `fails`): what it reports is its output, and a
    /// program without it runs the cells after it.
    public var expectsFailure: Bool

    public init(number: Int, code: String, line: Int, indentation: Int = 0, expectsFailure: Bool = false) {
        self.number = number
        self.code = code
        self.line = line
        self.indentation = indentation
        self.expectsFailure = expectsFailure
    }
}
