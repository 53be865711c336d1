/// A place in a cell's code: its cell, a line of the code and a column, both counted from 1.
///
/// Everything the executor reports is placed this way, never at a chapter line, so an execution
/// depends only on the cells' code: the cache can hand it back after prose around the cells
/// changed, and `ChapterExecution.location(of:in:)` puts it where the cell is now.
public struct CellPosition: Sendable, Codable, Hashable {
    public var cell: Cell.ID
    public var line: Int
    public var column: Int

    public init(cell: Cell.ID, line: Int = 1, column: Int = 1) {
        self.cell = cell
        self.line = line
        self.column = column
    }
}

/// A compiler message about a cell.
public struct CellDiagnostic: Sendable, Codable, Hashable {
    public var position: CellPosition
    public var severity: Diagnostic.Severity
    public var message: String
}

/// What running one cell produced.
public struct CellOutcome: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable {
        /// It ran (or, for a `fails` cell, failed as expected); `output` is what to record.
        case passed
        /// It failed: `message` says how, `output` holds what it printed before.
        case failed
        /// It did not run because an earlier cell stopped the program; its old output stands.
        case notRun
    }

    /// How a cell failed.
    public enum Failure: String, Sendable, Codable {
        case compileError, crashed, timedOut, unexpectedSuccess, buildFailed
    }

    /// Which cell this is.
    public var cell: Cell.ID
    public var status: Status
    /// The output to record (passed) or what the cell printed before failing.
    public var output: String
    /// For a failure, what happened, without a location (`cell 3 crashed: Fatal error: Index out of range`).
    public var message: String?
    /// For a failure, its kind.
    public var failure: Failure?
    /// Where the failure is.
    public var position: CellPosition
    /// More compiler messages that belong to the failure (the other errors of a cell that does not compile).
    public var diagnostics: [CellDiagnostic] = []
    /// The SVG of the figure the cell showed (a passed cell ending in a `Figure`), else nil.
    public var figure: String?

    public init(cell: Cell.ID, status: Status, output: String, message: String? = nil, failure: Failure? = nil,
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
public struct ChapterExecution: Sendable, Codable {
    public var outcomes: [CellOutcome]
    public var warnings: [CellDiagnostic]
    /// How many times the compiler ran (0 when the result came from the cache).
    public var compilations: Int
    /// Whether any cell timed out (such results are not cached).
    public var timedOut: Bool
    /// Seconds spent compiling and running (for progress lines and benchmarks).
    public var compileSeconds = 0.0
    public var runSeconds = 0.0

    public init(outcomes: [CellOutcome], warnings: [CellDiagnostic], compilations: Int, timedOut: Bool) {
        self.outcomes = outcomes
        self.warnings = warnings
        self.compilations = compilations
        self.timedOut = timedOut
    }

    /// The outcome of one cell, if it was meant to run.
    public func outcome(of cell: Cell.ID) -> CellOutcome? { outcomes.first { $0.cell == cell } }

    /// The chapter line and column of a cell position, for cells as they sit in the chapter now.
    public static func location(of position: CellPosition, in cells: [ProgramCell]) -> (line: Int, column: Int) {
        guard let cell = cells.first(where: { $0.id == position.cell }) else { return (1, 1) }
        return (cell.line + position.line - 1, cell.indentation + position.column)
    }

    /// `path:line:column: severity: message` for a diagnostic, placed in the chapter.
    public static func formatted(_ diagnostic: CellDiagnostic, in cells: [ProgramCell], path: String) -> String {
        let (line, column) = location(of: diagnostic.position, in: cells)
        return Diagnostic(diagnostic.severity, at: .init(path: path, line: line, column: column), diagnostic.message).description
    }

    /// A failed cell's message with its further diagnostics, each placed in the chapter.
    public static func message(of outcome: CellOutcome, in cells: [ProgramCell], path: String) -> String {
        var text = outcome.message ?? "\(outcome.cell) failed"
        for diagnostic in outcome.diagnostics { text += "\n" + formatted(diagnostic, in: cells, path: path) }
        return text
    }
}
