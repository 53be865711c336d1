import Foundation

/// What `swiftbook run` and `swiftbook check` were asked to do. How the outcome is shown
/// (progress, JSON, annotations) is the command line's business, not the runner's.
public struct RunnerOptions: Sendable {
    /// What the run does with each cell's output.
    public enum Mode: String, Sendable {
        /// Write verified outputs into the chapters.
        case run
        /// Change nothing; report stale outputs and failing cells.
        case check
    }

    var mode: Mode
    /// Chapter files or folders of them.
    var paths: [String]
    /// Chapters run at the same time.
    var jobs: Int
    /// Overrides every chapter's `timeout=` (seconds); nil keeps the chapter's, else 60.
    var timeout: Double?
    /// Bytes of output kept per cell.
    var maxOutput: Int
    /// The engine build folder (`--engine`); nil searches.
    var engine: String?
    /// The cache folder (`--cache-dir`); nil uses `.build/swiftbook-cache` of the package.
    var cacheDirectory: String?
    /// Whether cached results are used (false for `--no-cache`). Results are stored either way,
    /// so a `--no-cache` run refreshes the cache.
    var useCache: Bool
    /// Only this part of the book (`--shard K/N`); nil runs every chapter.
    var shard: Shard?
    /// Tagged work left out (`--skip-tags`, `--only-tags`).
    var tags: TagFilter

    /// The options of a run; what is not given takes the command line's default.
    public init(mode: Mode, paths: [String] = [], jobs: Int? = nil, timeout: Double? = nil, maxOutput: Int = 65536,
                engine: String? = nil, cacheDirectory: String? = nil, useCache: Bool = true,
                shard: Shard? = nil, tags: TagFilter = TagFilter()) {
        self.shard = shard
        self.tags = tags
        self.mode = mode
        self.paths = paths.isEmpty ? ["Chapters"] : paths
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        self.timeout = timeout
        self.maxOutput = maxOutput
        self.engine = engine
        self.cacheDirectory = cacheDirectory
        self.useCache = useCache
    }
}

/// The exit statuses of `swiftbook run` and `check`.
public enum RunnerExit {
    /// Every cell ran and (check) every recorded output is current.
    public static let success: Int32 = 0
    /// A cell failed, an output is stale (check), or a chapter could not be written (run).
    public static let failure: Int32 = 1
    /// Bad usage or unreadable input: a missing path, a chapter that is not UTF-8 or has an
    /// unknown cell option, no engine build.
    public static let usage: Int32 = 2
}
