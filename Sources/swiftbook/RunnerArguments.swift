import ArgumentParser
import Literate

/// The arguments `run` and `check` share.
struct RunnerArguments: ParsableArguments {
    @Argument(help: "Markdown chapters or folders of them.")
    var paths: [String] = ["Chapters"]

    @Option(help: "Chapters run at the same time (default: the number of cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Time limit per chapter in seconds; overrides the chapters' timeout= setting (default 60).",
                               valueName: "seconds"))
    var timeout: Double?

    @Option(name: .customLong("max-output"), help: ArgumentHelp("Bytes of output kept per cell; more is cut with a note.",
                                                                 valueName: "bytes"))
    var maxOutput: Int = 65536

    @Option(help: ArgumentHelp("The engine build folder (with libSwiftbookEngine.so and Modules/); also SWIFTBOOK_ENGINE.",
                               valueName: "dir"))
    var engine: String?

    @Option(name: .customLong("cache-dir"), help: ArgumentHelp("Where results are cached (default .build/swiftbook-cache).",
                                                                valueName: "dir"))
    var cacheDirectory: String?

    @Flag(name: .customLong("no-cache"), help: "Do not use cached results: run every chapter, and store the fresh results in the cache.")
    var noCache = false

    @Flag(name: .shortAndLong, help: "Print a progress line per chapter even when standard error is not a terminal.")
    var verbose = false

    @Option(help: "Report format on standard output: text or json.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Only the K-th of N disjoint parts of the book, balanced by the chapters' last measured times "
                               + "in the cache (by name without them); join the parts' JSON reports with merge-reports.",
                               valueName: "K/N"))
    var shard: String?

    @Option(name: .customLong("skip-tags"), help: ArgumentHelp("Skip cells tagged with any of these (tags=... in a cell or chapter), "
                                                               + "and the cells after them in their chapter.", valueName: "tag,tag"))
    var skipTags: String?

    @Option(name: .customLong("only-tags"), help: ArgumentHelp("Run only the chapters that carry one of these tags (on the chapter "
                                                               + "or any cell); the others are skipped.", valueName: "tag,tag"))
    var onlyTags: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)") }
        if maxOutput < 1 { throw ValidationError("--max-output must be at least 1 byte, got \(maxOutput)") }
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard needs K/N with 1 <= K <= N, as in --shard 2/4; got '\(shard)'")
        }
        for (name, list) in [("--skip-tags", skipTags), ("--only-tags", onlyTags)] {
            if let list, Tags.parse(list) == nil {
                throw ValidationError("\(name) needs a comma-separated list of tags (lowercase letters, digits, '-'), "
                                      + "as in \(name) slow,gpu; got '\(list)'")
            }
        }
    }

    func options(mode: RunnerOptions.Mode) -> RunnerOptions {
        RunnerOptions(mode: mode, paths: paths, jobs: jobs, timeout: timeout, maxOutput: maxOutput, engine: engine,
                      cacheDirectory: cacheDirectory, useCache: !noCache,
                      shard: shard.flatMap(Shard.init(parsing:)),
                      tags: TagFilter(skip: Set(skipTags.flatMap(Tags.parse) ?? []), only: Set(onlyTags.flatMap(Tags.parse) ?? [])))
    }
}

/// Runs the book as `mode` asks, prints what happened (`RunPrinter`) and exits with its status.
func perform(_ mode: RunnerOptions.Mode, _ arguments: RunnerArguments) throws {
    Interrupts.install()
    let status = RunPrinter(verbose: arguments.verbose, format: arguments.format)
        .run(BookRunner(options: arguments.options(mode: mode)))
    if status != RunnerExit.success { throw ExitCode(status) }
}
