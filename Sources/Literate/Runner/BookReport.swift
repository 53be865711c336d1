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

    /// A report of `chapters`; `skippedCells` is counted from them.
    init(mode: String, exitCode: Int32, shard: String? = nil, chapters: [ChapterReport]) {
        self.mode = mode
        self.exitCode = exitCode
        self.shard = shard
        self.chapters = chapters
        self.skippedCells = chapters.reduce(0) { $0 + $1.skippedCells }
    }

    /// Reads a report; one written before `shard` and `skippedCells` existed reads too.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mode = try container.decode(String.self, forKey: .mode)
        exitCode = try container.decode(Int32.self, forKey: .exitCode)
        shard = try container.decodeIfPresent(String.self, forKey: .shard)
        chapters = try container.decode([ChapterReport].self, forKey: .chapters)
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
