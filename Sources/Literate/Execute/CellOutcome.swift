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

    /// The cell's number (from 1).
    public var number: Int
    public var status: Status
    /// The output to record (passed) or what the cell printed before failing.
    public var output: String
    /// For a failure, the message without location (`cell 3 crashed: Fatal error: Index out of range`).
    public var message: String?
    /// For a failure, its kind.
    public var failure: Failure?
    /// Where the failure is reported: a chapter line and column.
    public var line: Int
    public var column: Int

    public init(number: Int, status: Status, output: String, message: String? = nil, failure: Failure? = nil,
                line: Int, column: Int) {
        self.number = number
        self.status = status
        self.output = output
        self.message = message
        self.failure = failure
        self.line = line
        self.column = column
    }
}

/// What executing a chapter produced: one outcome per cell that was meant to run, in order, and
/// the compiler's warnings (already at chapter locations).
public struct ChapterExecution: Sendable, Codable {
    public var outcomes: [CellOutcome]
    public var warnings: [String]
    /// How many times the compiler ran (0 when the result came from the cache).
    public var compilations: Int
    /// Whether any cell timed out (such results are not cached).
    public var timedOut: Bool
    /// Seconds spent compiling and running (for progress lines and benchmarks).
    public var compileSeconds = 0.0
    public var runSeconds = 0.0

    public init(outcomes: [CellOutcome], warnings: [String], compilations: Int, timedOut: Bool) {
        self.outcomes = outcomes
        self.warnings = warnings
        self.compilations = compilations
        self.timedOut = timedOut
    }

    /// The outcome of one cell, if it was meant to run.
    public func outcome(of number: Int) -> CellOutcome? { outcomes.first { $0.number == number } }
}
