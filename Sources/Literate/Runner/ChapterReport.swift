/// What happened to one chapter in a `run` or `check`: the value the command line prints as
/// text, JSON or GitHub annotations.
public struct ChapterReport: Sendable, Codable {
    /// One thing wrong, at a chapter location.
    struct Problem: Sendable, Codable {
        /// What kind of problem it is; in JSON, the raw value (`"failed"`, `"changedNumber"`, ...).
        enum Kind: String, Sendable, Codable, CaseIterable {
            /// The chapter as a whole could not run (no compiler, no engine).
            case failed
            /// `run`: the chapter or a figure file could not be written.
            case write
            /// The kinds of `MismatchKind`: a stale output (check) or a failing cell.
            case numericDrift, changedText, changedShape, changedNumber, missingOutput, vanishedOutput
            case newFailure, unexpectedSuccess

            /// The problem kind of an output mismatch (the same word).
            init(_ mismatch: MismatchKind) {
                self = Kind(rawValue: mismatch.rawValue)!
            }
        }

        /// 1-based line in the chapter; 0 for the chapter as a whole (it could not be written or run).
        var line: Int
        var column: Int?
        var kind: Kind
        var message: String
        /// For a stale output: the unified diff from the recorded to the actual output.
        var diff: String?

        init(line: Int, column: Int?, kind: Kind, message: String, diff: String? = nil) {
            self.line = line
            self.column = column
            self.kind = kind
            self.message = message
            self.diff = diff
        }

        /// The problem as a diagnostic in the chapter at `path`: at its line (and column), or at
        /// the file as a whole for line 0.
        func diagnostic(path: String) -> Diagnostic {
            .error(message, path: path, line: line == 0 ? nil : line, column: column, detail: diff)
        }
    }

    /// One cell's result.
    struct Cell: Sendable, Codable {
        /// What became of the cell; in JSON, the raw value.
        enum Status: String, Sendable, Codable, CaseIterable {
            case passed
            case failed
            /// check: the recorded output (or figure) differs from the new one.
            case stale
            /// It did not run, because an earlier cell stopped the program.
            case notRun = "not-run"
            /// The cell has the `no-run` option.
            case noRun = "no-run"
            /// check: it ran, and has the `unchecked` option, so its output was not compared.
            case unchecked
            /// Left out by `--skip-tags` or `--only-tags`; see `skippedBecause`.
            case skipped
        }

        /// Which cell; `"number": 3` in JSON, as messages say "cell 3".
        var id: Literate.Cell.ID
        var line: Int
        var status: Status
        /// Why a `skipped` cell was left out: `tags slow`, `not tagged gpu`, `after skipped cell 3`.
        var skippedBecause: String?

        enum CodingKeys: String, CodingKey {
            case id = "number", line, status, skippedBecause
        }

        init(id: Literate.Cell.ID, line: Int, status: Status, skippedBecause: String? = nil) {
            self.id = id
            self.line = line
            self.status = status
            self.skippedBecause = skippedBecause
        }
    }

    var path: String
    var cells: [Cell] = []
    var problems: [Problem] = []
    /// Compiler warnings, each already placed in the chapter (`path:line:column: warning: ...`).
    var warnings: [String] = []
    var seconds: Double = 0
    /// Whether the cells' results came from the cache.
    var cached = false
    var compilations = 0
    /// Of `seconds`, the time spent in the compiler and in the chapter's program.
    var compileSeconds = 0.0
    var runSeconds = 0.0
    /// Whether `run` rewrote the file.
    var written = false

    init(path: String) { self.path = path }

    var succeeded: Bool { problems.isEmpty }

    /// Cells left out by tags: reported as skipped, never as passed.
    var skippedCells: Int { cells.filter { $0.status == .skipped }.count }

    /// Cells that ran (passed, failed, stale or unchecked), from the cache or not.
    var ranCells: Int {
        cells.filter { [.passed, .failed, .stale, .unchecked].contains($0.status) }.count
    }

    /// The problems as diagnostics in this chapter, in order.
    var diagnostics: [Diagnostic] { problems.map { $0.diagnostic(path: path) } }
}
