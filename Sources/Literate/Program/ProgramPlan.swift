/// A planned chapter program: its source text and how its lines relate to the cells.
struct ProgramPlan: Sendable {
    /// The text of `main.swift`.
    var source: String
    /// The text of `runtime.swift`, compiled with it.
    var runtime: String
    /// The cells in the program, in order.
    var cells: [PlannedCell]

    /// The cell `id`, if the program holds it.
    func cell(_ id: Cell.ID) -> PlannedCell? {
        cells.first { $0.cell.id == id }
    }

    /// The cell whose code the compiler or the line tables call `file` (the planner names each
    /// cell's code `<chapter>#<number>`, see `ProgramPlanner.sourceFileName`), if it is one.
    func cell(inSourceFile file: String) -> PlannedCell? {
        guard let hash = file.lastIndex(of: "#"), let number = Int(file[file.index(after: hash)...]) else { return nil }
        return cell(Cell.ID(number: number))
    }

    /// The cell whose generated code, or the runtime lines around it, hold a line of `main.swift`:
    /// a diagnostic there is blamed on the nearest cell.
    func cell(atGeneratedLine line: Int) -> PlannedCell? {
        cells.first { $0.generatedLines.contains(line) } ?? cells.last { $0.generatedLines.lowerBound <= line } ?? cells.first
    }
}

/// One cell placed in a program.
struct PlannedCell: Sendable {
    var cell: ProgramCell
    var edited: EditedText
    /// The lines of `main.swift` (1-based) that hold the cell's code.
    var generatedLines: Range<Int>
    /// The cell's final expression is wrapped to show its value.
    var showsValue: Bool
    /// A `fails` cell the program can skip at run time (`SWIFTBOOK_SKIP`) after it trapped.
    var skippable = false

    /// The column in the cell's own code of a column the compiler reported on a line of the
    /// cell (both 1-based), undoing the planner's edits on that line.
    func originalColumn(line: Int, column: Int) -> Int {
        edited.originalColumn(line: line - 1, column: column)
    }
}
