/// A planned chapter program: its source text and how its lines relate to the chapter.
public struct ProgramPlan: Sendable {
    /// The text of `main.swift`.
    public var source: String
    /// The text of `runtime.swift`, compiled with it.
    public var runtime: String
    /// The cells in the program, in order.
    var cells: [PlannedCell]

    /// The numbers of the cells in the program.
    public var cellNumbers: [Int] { cells.map(\.cell.number) }

    /// The cell whose code covers a chapter line, if any.
    func cell(atChapterLine line: Int) -> PlannedCell? {
        cells.first { $0.cell.line <= line && line < $0.cell.line + $0.generatedLines.count }
    }

    /// The cell whose generated code, or the runtime lines around it, hold a line of `main.swift`:
    /// a diagnostic there (from a `__show(` wrapper, say) is blamed on the nearest cell.
    func cell(atGeneratedLine line: Int) -> PlannedCell? {
        cells.first { $0.generatedLines.contains(line) } ?? cells.last { $0.generatedLines.lowerBound <= line } ?? cells.first
    }

    /// The chapter column of a column the compiler reported on a chapter line of `cell`: undoes
    /// the planner's edits on that line and adds back the indentation the cell's code lost.
    func chapterColumn(of cell: PlannedCell, line: Int, column: Int) -> Int {
        cell.edited.originalColumn(line: line - cell.cell.line, column: column) + cell.cell.indentation
    }
}

/// One cell placed in a program.
struct PlannedCell: Sendable {
    var cell: ProgramCell
    var edited: EditedText
    /// The lines of `main.swift` (1-based) that hold the cell's code.
    var generatedLines: Range<Int>
}
