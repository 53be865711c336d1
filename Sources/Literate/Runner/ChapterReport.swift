/// What happened to one chapter in a `run` or `check`, ready to print as text, JSON or GitHub
/// annotations.
public struct ChapterReport: Sendable, Codable {
    /// One thing wrong, at a chapter location.
    public struct Problem: Sendable, Codable {
        /// 1-based line in the chapter; 0 for the chapter as a whole (it could not be written or run).
        public var line: Int
        public var column: Int?
        /// `failed` (a cell failed), `stale` (check: the recorded output differs), `write` (run: the
        /// chapter could not be written), `input` (the chapter could not be read).
        public var kind: String
        public var message: String
        /// For a stale output: the unified diff from the recorded to the actual output.
        public var diff: String?
    }

    /// One cell's result.
    public struct Cell: Sendable, Codable {
        /// Which cell; `"number": 3` in JSON, as messages say "cell 3".
        public var id: Literate.Cell.ID
        public var line: Int
        /// `passed`, `failed`, `stale`, `not-run` (after a failure), `no-run` (the cell option),
        /// `unchecked`, or `skipped` (left out by `--skip-tags` or `--only-tags`; see `skippedBecause`).
        public var status: String
        /// Why a `skipped` cell was left out: `tags slow`, `not tagged gpu`, `after skipped cell 3`.
        public var skippedBecause: String?

        enum CodingKeys: String, CodingKey {
            case id = "number", line, status, skippedBecause
        }
    }

    public var path: String
    public var cells: [Cell] = []
    public var problems: [Problem] = []
    public var warnings: [String] = []
    public var seconds: Double = 0
    public var cached = false
    public var compilations = 0
    /// Of `seconds`, the time spent in the compiler and in the chapter's program.
    public var compileSeconds = 0.0
    public var runSeconds = 0.0
    /// Whether `run` rewrote the file.
    public var written = false

    public init(path: String) { self.path = path }

    public var succeeded: Bool { problems.isEmpty }

    /// Cells left out by tags: reported as skipped, never as passed.
    public var skippedCells: Int { cells.filter { $0.status == "skipped" }.count }
}
