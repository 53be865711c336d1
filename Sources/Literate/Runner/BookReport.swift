import Foundation

/// The JSON report of a whole `run` or `check` (`--format json`), and of `merge-reports`.
public struct BookReport: Sendable, Codable {
    /// `run` or `check`.
    var mode: String
    /// The exit status the run ended with (`RunnerExit`).
    public var exitCode: Int32
    /// The shard this report covers (`2/4`), nil for the whole book.
    var shard: String?
    /// Cells left out by `--skip-tags` or `--only-tags` (each is also `skipped` in its chapter).
    var skippedCells: Int
    /// Every chapter's report, in book order.
    public var chapters: [ChapterReport]
    /// The book's own problems, which are no one chapter's cells: a broken cross-reference, a
    /// translation out of step with its source, input that could not be read. Absent when none.
    var problems: [Problem]?

    /// A problem of the book as JSON: where, what, and the diff under it.
    struct Problem: Sendable, Codable, Equatable {
        var path: String?
        var line: Int?
        var column: Int?
        var message: String
        var diff: String?

        init(_ diagnostic: Diagnostic) {
            path = diagnostic.location?.path
            line = diagnostic.location?.line
            column = diagnostic.location?.column
            message = diagnostic.message
            diff = diagnostic.detail
        }

        var diagnostic: Diagnostic {
            Diagnostic(.error, at: path.map { Diagnostic.Location(path: $0, line: line, column: column) }, message, detail: diff)
        }
    }

    /// A report of `chapters` and the book's own `problems`; `skippedCells` is counted from the chapters.
    init(mode: String, exitCode: Int32, shard: String? = nil, chapters: [ChapterReport], problems: [Problem] = []) {
        self.mode = mode
        self.exitCode = exitCode
        self.shard = shard
        self.chapters = chapters
        self.problems = problems.isEmpty ? nil : problems
        self.skippedCells = chapters.reduce(0) { $0 + $1.skippedCells }
    }

    /// The book's own problems as diagnostics.
    var bookDiagnostics: [Diagnostic] { (problems ?? []).map(\.diagnostic) }

    /// Reads a report; one written before `shard`, `skippedCells` and `problems` existed reads too.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mode = try container.decode(String.self, forKey: .mode)
        exitCode = try container.decode(Int32.self, forKey: .exitCode)
        shard = try container.decodeIfPresent(String.self, forKey: .shard)
        chapters = try container.decode([ChapterReport].self, forKey: .chapters)
        problems = try container.decodeIfPresent([Problem].self, forKey: .problems)
        skippedCells = try container.decodeIfPresent(Int.self, forKey: .skippedCells)
            ?? chapters.reduce(0) { $0 + $1.skippedCells }
    }

    /// The report as pretty-printed JSON with sorted keys, and a final newline.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
