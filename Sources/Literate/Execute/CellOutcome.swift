/// A place in a cell's code: its cell, a line of the code and a column, both counted from 1.
///
/// Everything the executor reports is placed this way, never at a chapter line, so an execution
/// depends only on the cells' code: the cache can hand it back after prose around the cells
/// changed, and `ChapterExecution.location(of:in:)` puts it where the cell is now.
struct CellPosition: Sendable, Codable, Hashable {
    var cell: Cell.ID
    var line: Int
    var column: Int

    init(cell: Cell.ID, line: Int = 1, column: Int = 1) {
        self.cell = cell
        self.line = line
        self.column = column
    }
}

/// A compiler message about a cell.
struct CellDiagnostic: Sendable, Codable, Hashable {
    var position: CellPosition
    var severity: Diagnostic.Severity
    var message: String
}

/// What running one cell produced.
struct CellOutcome: Sendable, Codable, Hashable {
    enum Status: String, Sendable, Codable {
        /// It ran (or, for a `fails` cell, failed as expected); `output` is what to record.
        case passed
        /// It failed: `message` says how, `output` holds what it printed before.
        case failed
        /// It did not run because an earlier cell stopped the program; its old output stands.
        case notRun
    }

    /// How a cell failed.
    enum Failure: String, Sendable, Codable {
        case compileError, crashed, timedOut, unexpectedSuccess, buildFailed
    }

    /// Which cell this is.
    var cell: Cell.ID
    var status: Status
    /// The output to record (passed) or what the cell printed before failing.
    var output: String
    /// For a failure, what happened, without a location (`cell 3 crashed: Fatal error: Index out of range`).
    var message: String?
    /// For a failure, its kind.
    var failure: Failure?
    /// Where the failure is.
    var position: CellPosition
    /// More compiler messages that belong to the failure (the other errors of a cell that does not compile).
    var diagnostics: [CellDiagnostic] = []
    /// The SVG of the figure the cell showed (a passed cell ending in a `Figure`), else nil.
    var figure: String?

    init(cell: Cell.ID, status: Status, output: String, message: String? = nil, failure: Failure? = nil,
                position: CellPosition? = nil, diagnostics: [CellDiagnostic] = [], figure: String? = nil) {
        self.figure = figure
        self.cell = cell
        self.status = status
        self.output = output
        self.message = message
        self.failure = failure
        self.position = position ?? CellPosition(cell: cell)
        self.diagnostics = diagnostics
    }
}

/// What executing a chapter produced: one outcome per cell that was meant to run, in order, and
/// the compiler's warnings.
struct ChapterExecution: Sendable, Codable {
    var outcomes: [CellOutcome]
    var warnings: [CellDiagnostic]
    /// How many times the compiler ran (0 when the result came from the cache).
    var compilations: Int
    /// Whether any cell timed out (such results are not cached).
    var timedOut: Bool
    /// Seconds spent compiling and running (for progress lines and benchmarks).
    var compileSeconds = 0.0
    var runSeconds = 0.0

    init(outcomes: [CellOutcome], warnings: [CellDiagnostic], compilations: Int, timedOut: Bool) {
        self.outcomes = outcomes
        self.warnings = warnings
        self.compilations = compilations
        self.timedOut = timedOut
    }

    /// The outcome of one cell, if it was meant to run.
    func outcome(of cell: Cell.ID) -> CellOutcome? { outcomes.first { $0.cell == cell } }

    /// The chapter line and column of a cell position, for cells as they sit in the chapter now.
    static func location(of position: CellPosition, in cells: [ProgramCell]) -> (line: Int, column: Int) {
        guard let cell = cells.first(where: { $0.id == position.cell }) else { return (1, 1) }
        return (cell.line + position.line - 1, cell.indentation + position.column)
    }

    /// `path:line:column: severity: message` for a diagnostic, placed in the chapter.
    static func formatted(_ diagnostic: CellDiagnostic, in cells: [ProgramCell], path: String) -> String {
        let (line, column) = location(of: diagnostic.position, in: cells)
        return Diagnostic(diagnostic.severity, at: .init(path: path, line: line, column: column), diagnostic.message).description
    }

    /// A failed cell's message with its further diagnostics, each placed in the chapter.
    static func message(of outcome: CellOutcome, in cells: [ProgramCell], path: String) -> String {
        var text = outcome.message ?? "\(outcome.cell) failed"
        for diagnostic in outcome.diagnostics { text += "\n" + formatted(diagnostic, in: cells, path: path) }
        return text
    }
}
