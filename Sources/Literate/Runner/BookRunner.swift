import Foundation

/// `swiftbook run` and `swiftbook check` as a library: finds the chapters, executes them in
/// parallel (through the cache), writes or compares outputs, and returns what happened. It
/// prints nothing: the command line shows each chapter's report as it is handed over, and the
/// run's result at the end.
public struct BookRunner {
    var options: RunnerOptions

    /// A runner of the book that `options` describe.
    public init(options: RunnerOptions) {
        self.options = options
    }

    /// Does the whole job. `finished` gets each chapter's report as soon as it and every chapter
    /// before it are done, in book order, with its place (from 1) and the number of chapters;
    /// it is not called once the run is interrupted.
    public func run(finished: @escaping @Sendable (_ report: ChapterReport, _ done: Int, _ total: Int) -> Void = { _, _, _ in })
        -> BookRun {
        var result = BookRun(mode: options.mode, shard: options.shard)
        let started = Date()
        var files: [String]
        do {
            files = try ChapterOrder.chapterFiles(for: options.paths, translations: true).map(ChapterOrder.displayPath)
        } catch {
            return stopped(result, by: Diagnostic.all(from: error))
        }
        guard !files.isEmpty else {
            return stopped(result, by: [.error("no chapters (.md files) to \(options.mode.rawValue); pass Markdown chapters "
                                               + "or folders that hold some", path: options.paths.joined(separator: " "))])
        }
        // The cache is written even when it is not read (`--no-cache`), so that such a run refreshes it.
        let cacheDirectory = options.cacheDirectory.map { URL(fileURLWithPath: $0) }
            ?? ResultCache.defaultDirectory(near: URL(fileURLWithPath: files[0]).deletingLastPathComponent())
        let book = files
        if let shard = options.shard {
            let bookSize = files.count
            files = shard.chapters(of: files, times: ChapterTimings(cacheDirectory: cacheDirectory).splitTimes(of: files))
            // More shards than chapters is no mistake: a CI matrix may outgrow a small book.
            if files.isEmpty {
                result.emptyShardOf = bookSize
                return result
            }
        }
        var chapters: [RunnableChapter] = []
        var loadErrors: [Diagnostic] = []
        for file in files {
            do {
                chapters.append(try RunnableChapter.load(path: file))
            } catch {
                loadErrors += Diagnostic.all(from: error)
            }
        }
        if !loadErrors.isEmpty { return stopped(result, by: loadErrors) }

        let environment: ChapterJob.Environment
        do {
            environment = try makeEnvironment(cacheDirectory: cacheDirectory)
        } catch {
            return stopped(result, by: Diagnostic.all(from: error))
        }
        let total = chapters.count
        // Chapters finish in any order but are handed over in book order: a finished chapter
        // waits until every chapter before it has been.
        let inOrder = InOrderRelease<ChapterReport>()
        result.chapters = parallelMap(chapters, jobs: options.jobs, { chapter in
            ChapterJob(chapter: chapter, environment: environment).perform()
        }, completed: { index, report in
            guard !Interrupts.isInterrupted else { return }
            for (position, report) in inOrder.add(report, at: index) { finished(report, position + 1, total) }
        })
        Interrupts.parkIfInterrupted()
        // check also fails on a broken cross-reference (unresolved or duplicate label; see BookReferences).
        // Each language folder is a book of its own (Book/TranslationLayout.swift). References are
        // resolved in the whole book, so a shard accepts a link to a chapter another shard checks,
        // and each is reported by the shard that has the chapter it is written in.
        let mine = Set(files)
        let referenceErrors = options.mode == .check
            ? TranslationLayout.booksByFolder(book).flatMap { BookReferences.errors(inChapterFiles: $0) }
                .filter { $0.location.map { mine.contains($0.path) } ?? true }
            : []
        // Translations keep parity with their sources and record the version they translate (Translate/).
        let translations = TranslationCheck.verify(files: files, record: options.mode == .run && !Interrupts.isInterrupted)
        result.diagnostics = referenceErrors + translations.problems.flatMap(\.diagnostics)
        result.translationsRecorded = translations.recorded
        // Between runs of the whole book, the next split learns the times measured now.
        if options.shard == nil { environment.timings?.refreshSplitTimes() }
        result.failedChapters = result.chapters.filter { !$0.succeeded }.count + (referenceErrors.isEmpty ? 0 : 1)
            + Set(translations.problems.map(\.path)).count
        result.seconds = Date().timeIntervalSince(started)
        return result
    }

    /// The result of a run that stopped before running anything: bad usage or unreadable input.
    private func stopped(_ result: BookRun, by diagnostics: [Diagnostic]) -> BookRun {
        var result = result
        result.diagnostics = diagnostics
        result.stopped = true
        // The report of a run that never started covers no shard.
        result.shard = nil
        return result
    }

    private func makeEnvironment(cacheDirectory directory: URL) throws -> ChapterJob.Environment {
        let engine = try Engine.locate(explicit: options.engine)
        let compiler = SwiftCompiler(engine: engine)
        // Without reading it, a cache that cannot be made is no reason to stop.
        let cache: ResultCache? = options.useCache ? try ResultCache(directory: directory) : try? ResultCache(directory: directory)
        let identity = ToolIdentity.make(engine: engine, compiler: compiler, cacheDirectory: cache?.directory)
        return ChapterJob.Environment(options: options, executor: ChapterExecutor(compiler: compiler), cache: cache,
                                      toolIdentity: identity,
                                      timings: cache.map { ChapterTimings(cacheDirectory: $0.directory) })
    }
}

/// Results that arrive in any order, released in index order: `add` returns the ones that can go
/// now (this one and those after it that were waiting), each with its index.
private final class InOrderRelease<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [Int: Value] = [:]
    private var next = 0

    func add(_ value: Value, at index: Int) -> [(Int, Value)] {
        lock.lock()
        defer { lock.unlock() }
        waiting[index] = value
        var ready: [(Int, Value)] = []
        while let value = waiting.removeValue(forKey: next) {
            ready.append((next, value))
            next += 1
        }
        return ready
    }
}
