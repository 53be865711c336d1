import Foundation

/// What one run of a chapter gives the preview: the chapter's text with its fresh outputs, and
/// the cells that failed.
struct PreviewChapterResult: Sendable, Equatable {
    /// The chapter's path, as messages name it.
    var path: String
    /// The chapter's bytes as saved (what line numbers refer to).
    var saved: [UInt8]
    /// The chapter with every passing cell's fresh output spliced in, in memory only (unless `--write`).
    var shown: [UInt8]
    /// Failing cells: `path:line:column: error: ...`.
    var failures: [Cell.ID: String] = [:]
    /// Problems of the whole chapter (it does not parse, no compiler, could not be written).
    var problems: [String] = []
}

/// Runs chapters for the preview as `run` does (through the same cache, so unchanged cells cost
/// nothing), but hands back the new text instead of writing it, unless asked to write.
///
/// This is the preview's entry point into the runner: it reuses `RunnableChapter`,
/// `ChapterExecutor`, `ResultCache` and `ChapterWriter` and changes none of them.
struct PreviewChapterRunner: Sendable {
    let executor: ChapterExecutor
    let cache: ResultCache?
    let engine: Engine
    let timeout: Double?
    let maxOutput: Int
    /// What the last rounds worked out once and need again on every save.
    private let memo = PreviewRunMemo()

    /// Finds the engine and the compiler, and opens the cache near the first chapter.
    init(engine explicit: String?, cacheDirectory: String?, timeout: Double?, maxOutput: Int, near file: String) throws {
        engine = try Engine.locate(explicit: explicit)
        let compiler = SwiftCompiler(engine: engine)
        let directory = cacheDirectory.map { URL(fileURLWithPath: $0) }
            ?? ResultCache.defaultDirectory(near: URL(fileURLWithPath: file).deletingLastPathComponent())
        cache = try? ResultCache(directory: directory)
        executor = ChapterExecutor(compiler: compiler)
        self.timeout = timeout
        self.maxOutput = maxOutput
    }

    /// The library file whose changes mean the engine was rebuilt.
    var engineLibrary: String { engine.directory + "/" + Engine.libraryFile }

    /// The files whose identity is in every cache key: the engine's library and modules, the compiler.
    private var toolFiles: [String] {
        [engineLibrary] + Engine.swiftModules.map { "\(engine.directory)/Modules/\($0).swiftmodule" } + [executor.compiler.swiftc]
    }

    /// Runs the chapter at `path` as it is on disk now; with `write`, writes the outputs into it
    /// as `swiftbook run` does.
    func run(path: String, write: Bool) -> PreviewChapterResult {
        let saved: [UInt8]
        do {
            saved = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            return PreviewChapterResult(path: path, saved: [], shown: [],
                                        problems: [Diagnostic.error("cannot read the chapter (\(error.localizedDescription))", path: path).description])
        }
        var result = PreviewChapterResult(path: path, saved: saved, shown: saved)
        let chapter: RunnableChapter
        do {
            chapter = RunnableChapter(path: path, document: try Chapter(path: path, bytes: saved))
        } catch {
            result.problems.append("\(error)")
            return result
        }
        let execution: ChapterExecution
        do {
            execution = try execute(chapter)
        } catch {
            result.problems.append(Diagnostic.error("the cells could not run: \(error)", path: path).description)
            return result
        }
        let cells = chapter.cells.map(\.programCell)
        var outputs: [OutputEdit] = []
        for cell in chapter.cells where cell.runs {
            guard let outcome = execution.outcome(of: cell.id) else { continue }
            switch outcome.status {
            case .passed:
                outputs.append(cell.outputEdit(printed: outcome.output))
            case .failed:
                result.failures[cell.id] = Self.failureText(outcome, cells: cells, path: path)
            case .notRun:
                break
            }
        }
        result.shown = chapter.splicing(outputs)
        if write && !Interrupts.isInterrupted {
            do {
                _ = try ChapterWriter.write(result.shown, madeFrom: saved, to: path, rebase: { current in
                    chapter.rebased(onto: current)?.splicing(outputs)
                })
            } catch {
                result.problems.append(Diagnostic.messages(of: error))
            }
        }
        return result
    }

    /// `path:line:column: error: message`, the cell's further diagnostics, and what it printed.
    static func failureText(_ outcome: CellOutcome, cells: [ProgramCell], path: String) -> String {
        let (line, column) = ChapterExecution.location(of: outcome.position, in: cells)
        var text = Diagnostic.error(ChapterExecution.message(of: outcome, in: cells, path: path), path: path, line: line, column: column)
            .description
        if !outcome.output.isEmpty {
            text += "\n\nit printed before failing:\n" + outcome.output
        }
        return text
    }

    /// The chapter's execution, from the cache when its key is there (as `ChapterJob` does).
    private func execute(_ chapter: RunnableChapter) throws -> ChapterExecution {
        let cells = chapter.cells.filter(\.runs).map(\.programCell)
        guard !cells.isEmpty else { return ChapterExecution(outcomes: [], warnings: [], compilations: 0, timedOut: false) }
        let settings = ExecutionSettings(chapterName: URL(fileURLWithPath: chapter.path).lastPathComponent, seed: chapter.seed,
                                         timeout: timeout ?? chapter.timeout ?? 60, maxOutput: maxOutput)
        // The engine's identity is read again whenever its files changed on disk, so a rebuilt
        // engine never answers from an old result.
        let identity = memo.toolIdentity(stamps: toolFiles.map(FileWatcher.stamp)) {
            ToolIdentity.make(engine: engine, compiler: executor.compiler, cacheDirectory: cache?.directory)
        }
        let key = ResultCache.key(cells: cells, settings: settings, toolIdentity: identity)
        // A prose-only save asks again for the execution of the last round: kept in memory.
        if let kept = memo.execution(for: key, path: chapter.path) { return kept }
        if let cached = cache?.lookup(key) {
            memo.keep(cached, for: key, path: chapter.path)
            return cached
        }
        let execution = try executor.execute(cells, settings: settings)
        if !Interrupts.isInterrupted {
            cache?.store(execution, for: key)
            if !execution.timedOut { memo.keep(execution, for: key, path: chapter.path) }
        }
        return execution
    }
}
