import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `swiftbook run` and `swiftbook check` as a library: finds the chapters, executes them in
/// parallel (through the cache), writes or compares outputs, and prints what happened.
public struct BookRunner {
    public var options: RunnerOptions
    /// Where messages go (standard error) and where JSON and annotations go (standard output).
    var errorStream: @Sendable (String) -> Void = { text in FileHandle.standardError.write(Data(text.utf8)) }
    var outputStream: @Sendable (String) -> Void = { text in FileHandle.standardOutput.write(Data(text.utf8)) }

    public init(options: RunnerOptions) {
        self.options = options
    }

    /// Does the whole job and returns the exit status (see `RunnerExit`).
    public func run() -> Int32 {
        var files: [String]
        do {
            files = try ChapterFiles.expand(options.paths)
        } catch {
            return finishEarly(with: "\(error)")
        }
        guard !files.isEmpty else {
            return finishEarly(with: "\(options.paths.joined(separator: " ")): error: no chapters (.md files) to "
                               + "\(options.mode.rawValue); pass Markdown chapters or folders that hold some")
        }
        // The cache is written even when it is not read (`--no-cache`), so that such a run refreshes it.
        let cacheDirectory = options.cacheDirectory.map { URL(fileURLWithPath: $0) }
            ?? ResultCache.defaultDirectory(near: URL(fileURLWithPath: files[0]).deletingLastPathComponent())
        if let shard = options.shard {
            let bookSize = files.count
            files = shard.chapters(of: files, times: ChapterTimings(cacheDirectory: cacheDirectory).splitTimes(of: files))
            // More shards than chapters is no mistake: a CI matrix may outgrow a small book.
            if files.isEmpty {
                errorStream("swiftbook: shard \(shard) has no chapters (the book has \(bookSize)); nothing to do\n")
                if options.format == .json { outputStream(ReportPrinter.json([], mode: options.mode, exitCode: 0, shard: shard)) }
                return RunnerExit.success
            }
        }
        var chapters: [RunnableChapter] = []
        var loadErrors: [String] = []
        for file in files {
            do {
                chapters.append(try RunnableChapter.load(path: file))
            } catch {
                loadErrors.append("\(error)")
            }
        }
        if !loadErrors.isEmpty { return finishEarly(with: loadErrors.joined(separator: "\n")) }

        let environment: ChapterJob.Environment
        do {
            environment = try makeEnvironment(cacheDirectory: cacheDirectory)
        } catch {
            return finishEarly(with: "\(error)")
        }
        let showProgress = options.verbose || isatty(2) == 1
        let printer = ReportPrinter(githubAnnotations: options.githubAnnotations)
        let total = chapters.count
        let started = Date()
        let errorStream = self.errorStream, outputStream = self.outputStream, format = options.format
        // Chapters finish in any order but are reported in book order: a finished chapter waits
        // until every chapter before it has been reported.
        let inOrder = InOrderRelease<ChapterReport>()
        let reports = parallelMap(chapters, jobs: options.jobs, { chapter in
            ChapterJob(chapter: chapter, environment: environment).perform()
        }, completed: { index, finished in
            guard !Interrupts.isInterrupted else { return }
            for (position, report) in inOrder.add(finished, at: index) {
                var text = showProgress ? Self.progressLine(report, done: position + 1, total: total) : ""
                text += printer.text(report)
                if !text.isEmpty { errorStream(text) }
                if format == .text {
                    let annotations = printer.annotations(report)
                    if !annotations.isEmpty { outputStream(annotations) }
                }
            }
        })
        Interrupts.parkIfInterrupted()
        // check also fails on a broken cross-reference (unresolved or duplicate label; see BookReferences).
        // Each language folder is a book of its own (Book/TranslationLayout.swift).
        let referenceErrors = options.mode == .check
            ? TranslationLayout.booksByFolder(files).flatMap { BookReferences.errors(inChapterFiles: $0) } : []
        if !referenceErrors.isEmpty { errorStream(referenceErrors.joined(separator: "\n") + "\n") }
        // Translations keep parity with their sources and record the version they translate (Translate/).
        let translations = TranslationCheck.verify(files: files, record: options.mode == .run && !Interrupts.isInterrupted)
        if !translations.problems.isEmpty { errorStream(translations.problems.map(\.description).joined(separator: "\n") + "\n") }
        for path in translations.recorded where showProgress { errorStream("\(path): recorded the version of its source it translates\n") }
        // Between runs of the whole book, the next split learns the times measured now.
        if options.shard == nil { environment.timings?.refreshSplitTimes() }
        let failed = reports.filter { !$0.succeeded }.count + (referenceErrors.isEmpty ? 0 : 1)
            + Set(translations.problems.map(\.path)).count
        let code = failed == 0 ? RunnerExit.success : RunnerExit.failure
        if options.format == .json {
            outputStream(ReportPrinter.json(reports, mode: options.mode, exitCode: code, shard: options.shard))
        }
        let skipped = reports.reduce(0) { $0 + $1.skippedCells }
        if showProgress || failed > 0 || skipped > 0 {
            let verb = options.mode == .run ? "ran" : "checked"
            errorStream("swiftbook: \(verb) \(total) chapter\(total == 1 ? "" : "s")"
                        + (options.shard.map { " (shard \($0))" } ?? "") + " in "
                        + "\(String(format: "%.1f", Date().timeIntervalSince(started))) s; "
                        + (failed == 0 ? "all good" : "\(failed) with problems")
                        + (skipped > 0 ? "; \(skipped) cell\(skipped == 1 ? "" : "s") skipped by tags\n" : "\n"))
        }
        return code
    }

    /// `[3/40] Chapters/x.md: 5 cells, 1.2 s, 1 compile 0.80 s, run 0.30 s, written`.
    private static func progressLine(_ report: ChapterReport, done: Int, total: Int) -> String {
        let skipped = report.skippedCells
        if skipped > 0 && skipped == report.cells.filter({ $0.status != "no-run" }).count {
            return "[\(done)/\(total)] \(report.path): skipped (\(report.cells.first?.skippedBecause ?? "tags"))\n"
        }
        let how = report.cached ? "cached"
            : "\(report.compilations) compile\(report.compilations == 1 ? "" : "s") "
                + String(format: "%.2f s, run %.2f s", report.compileSeconds, report.runSeconds)
        let written = (report.written ? ", written" : "") + (skipped > 0 ? ", \(skipped) skipped by tags" : "")
        let cells = report.cells.count
        return "[\(done)/\(total)] \(report.path): \(cells) cell\(cells == 1 ? "" : "s"), "
            + "\(String(format: "%.1f", report.seconds)) s, \(how)\(written)\n"
    }

    private func finishEarly(with message: String) -> Int32 {
        errorStream(message.hasSuffix("\n") ? message : message + "\n")
        if options.format == .json {
            outputStream(ReportPrinter.json([], mode: options.mode, exitCode: RunnerExit.usage))
        }
        return RunnerExit.usage
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
