import Foundation

/// What a `run` or `check` of a book came to, as values: the command line decides what to
/// print of it, where, in which form (text, JSON, GitHub annotations), and the exit status.
public struct BookRun: Sendable {
    var mode: RunnerOptions.Mode
    /// The part of the book this run covered (`--shard K/N`), nil for the whole book.
    public var shard: Shard?
    /// Every chapter's report, in book order; empty when the run stopped before any chapter ran.
    var chapters: [ChapterReport] = []
    /// Problems that are not one chapter's cells: unreadable input, no engine, a broken
    /// reference (check), a translation out of parity or behind its source.
    public var diagnostics: [Diagnostic] = []
    /// Translations into which `run` wrote the version of their source they translate.
    public var translationsRecorded: [String] = []
    /// How many chapters the whole book has, when this shard got none of them (nothing to do).
    public var emptyShardOf: Int?
    /// Seconds from start to end.
    var seconds = 0.0
    /// Chapters with problems, counting broken references as one and each translation with problems.
    public var failedChapters = 0
    /// Whether the run stopped before running any chapter, for bad usage or unreadable input
    /// (a missing path, a chapter that does not parse, no engine build); `diagnostics` say why.
    public var stopped = false

    init(mode: RunnerOptions.Mode, shard: Shard? = nil) {
        self.mode = mode
        self.shard = shard
    }

    /// Cells left out by tags, over the whole run.
    var skippedCells: Int { chapters.reduce(0) { $0 + $1.skippedCells } }
    /// Cells that ran, and of them the ones whose results came from the cache.
    var ranCells: Int { chapters.reduce(0) { $0 + $1.ranCells } }
    var cachedCells: Int { chapters.filter(\.cached).reduce(0) { $0 + $1.ranCells } }

    /// The run as the JSON report (`--format json`), which records the exit status it ended with.
    public func report(exitCode: Int32) -> BookReport {
        BookReport(mode: mode.rawValue, exitCode: exitCode, shard: shard?.description, chapters: chapters,
                   problems: diagnostics.map(BookReport.Problem.init))
    }
}
