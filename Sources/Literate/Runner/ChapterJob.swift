import Foundation

/// One chapter's `run` or `check`: execute its cells (or take the cached result), then write the
/// new outputs into it (run) or compare them with the recorded ones (check).
struct ChapterJob {
    /// What every chapter of one invocation shares.
    struct Environment: Sendable {
        var options: RunnerOptions
        var executor: ChapterExecutor
        var cache: ResultCache?
        /// The toolchain, engine and runner identity that goes into every cache key.
        var toolIdentity: String
        /// Where each chapter's measured time is kept, for `--shard`.
        var timings: ChapterTimings?
    }

    let chapter: RunnableChapter
    let environment: Environment

    func perform() -> ChapterReport {
        let started = Date()
        var report = ChapterReport(path: chapter.path)
        let filter = environment.options.tags
        if let reason = filter.chapterSkipReason(chapterTags: chapter.tags, cellTags: chapter.cells.map(\.cell.options.tags)) {
            report.cells = chapter.cells.map { cell in
                cell.runs ? .init(id: cell.id, line: cell.line, status: .skipped, skippedBecause: reason)
                    : .init(id: cell.id, line: cell.line, status: .noRun)
            }
            return report
        }
        let skip = filter.firstSkippedCell(chapterTags: chapter.tags, cellTags: chapter.cells.map(\.cell.options.tags))
        let skipFrom = skip?.index ?? chapter.cells.count
        let execution: ChapterExecution
        do {
            (execution, report.cached) = try execute(cellsBefore: skipFrom)
        } catch {
            // The chapter as a whole could not run (no compiler, no engine): line 0, and the
            // error's message, which the report places at the chapter.
            report.problems.append(.init(line: 0, column: nil, kind: .failed, message: Diagnostic.messages(of: error)))
            report.seconds = Date().timeIntervalSince(started)
            return report
        }
        let cells = chapter.cells.map(\.programCell)
        report.warnings = execution.warnings.map { ChapterExecution.formatted($0, in: cells, path: chapter.path) }
        report.compilations = execution.compilations
        if !report.cached {
            report.compileSeconds = execution.compileSeconds
            report.runSeconds = execution.runSeconds
        }
        var outputEdits: [OutputEdit] = []
        var newFigures: [Cell.ID: String?] = [:]  // figures: see Runner/ChapterFigures.swift
        if !report.cached && skip == nil {
            environment.timings?.record(execution.compileSeconds + execution.runSeconds, for: chapter.path)
        }
        for (index, cell) in chapter.cells.enumerated() {
            var status = ChapterReport.Cell.Status.passed, because: String?
            defer { report.cells.append(.init(id: cell.id, line: cell.line, status: status, skippedBecause: because)) }
            guard cell.runs else { status = .noRun; continue }
            // A skipped cell keeps its recorded output: it is neither written nor compared.
            guard index < skipFrom else {
                status = .skipped
                because = filter.firstSkippedCell(chapterTags: chapter.tags, cellTags: [cell.cell.options.tags])
                    .map { "tags " + $0.tags.joined(separator: ",") } ?? "after skipped \(chapter.cells[skipFrom].id)"
                continue
            }
            guard let outcome = execution.outcome(of: cell.id) else { status = .notRun; continue }
            switch outcome.status {
            case .notRun:
                status = .notRun
            case .failed:
                status = .failed
                var message = ChapterExecution.message(of: outcome, in: cells, path: chapter.path)
                if !outcome.output.isEmpty {
                    message += "\nit printed before failing:\n" + outcome.output.split(separator: "\n", omittingEmptySubsequences: false)
                        .dropLast(outcome.output.hasSuffix("\n") ? 1 : 0).map { "    " + $0 }.joined(separator: "\n")
                }
                let kind = outcome.failure == .unexpectedSuccess ? MismatchKind.unexpectedSuccess : MismatchKind.newFailure
                let (line, column) = ChapterExecution.location(of: outcome.position, in: cells)
                report.problems.append(.init(line: line, column: column, kind: .init(kind), message: message))
            case .passed:
                switch environment.options.mode {
                case .run:
                    outputEdits.append(cell.outputEdit(printed: outcome.output))
                    newFigures[cell.id] = .some(outcome.figure)
                case .check:
                    if cell.unchecked { status = .unchecked; continue }
                    if let stale = cell.compare(actual: outcome.output) {
                        status = .stale
                        report.problems.append(.init(line: stale.line, column: nil, kind: .init(stale.mismatch.kind),
                                                     message: "\(stale.mismatch) (\(cell.id))", diff: stale.diff))
                    }
                    if let figure = cell.compareFigure(actual: outcome.figure, in: chapter) {
                        status = .stale
                        report.problems.append(figure)
                    }
                }
            }
        }
        if environment.options.mode == .run && !Interrupts.isInterrupted {
            write(outputEdits, figures: newFigures, into: &report)
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Writes the new outputs (see `ChapterWriter`: an edit made meanwhile is never lost; the
    /// outputs go into it when its cells are the same), then moves the report's positions to the
    /// text as written.
    private func write(_ outputEdits: [OutputEdit], figures: [Cell.ID: String?], into report: inout ChapterReport) {
        let written: ChapterWriter.Result
        do {
            written = try ChapterWriter.write(chapter.splicing(outputEdits, figures: figures), madeFrom: chapter.document.bytes,
                                              to: chapter.path, rebase: { current in
                chapter.rebased(onto: current)?.splicing(outputEdits, figures: figures)
            })
        } catch {
            report.problems.append(.init(line: 0, column: nil, kind: .write, message: Diagnostic.messages(of: error)))
            return
        }
        report.written = written.written
        for failure in chapter.writeFigureFiles(figures) {
            report.problems.append(.init(line: 0, column: nil, kind: .write, message: failure))
        }
        guard written.bytes != chapter.document.bytes,
              let final = try? Chapter(path: chapter.path, bytes: written.bytes),
              let map = PositionMap(from: chapter.document, to: final) else { return }
        for index in report.problems.indices {
            report.problems[index].line = map.line(report.problems[index].line)
            report.problems[index].message = map.message(report.problems[index].message, path: chapter.path)
        }
        for index in report.cells.indices { report.cells[index].line = map.line(report.cells[index].line) }
        report.warnings = report.warnings.map { map.message($0, path: chapter.path) }
    }

    /// The execution of the chapter's cells before index `end`, from the cache when its key is there.
    private func execute(cellsBefore end: Int) throws -> (ChapterExecution, cached: Bool) {
        let options = environment.options
        let cells = chapter.cells.prefix(end).filter(\.runs).map(\.programCell)
        guard !cells.isEmpty else { return (ChapterExecution(outcomes: [], warnings: [], compilations: 0, timedOut: false), false) }
        let settings = ExecutionSettings(chapterName: URL(fileURLWithPath: chapter.path).lastPathComponent, seed: chapter.seed,
                                         timeout: options.timeout ?? chapter.timeout ?? 60, maxOutput: options.maxOutput)
        let key = ResultCache.key(cells: cells, settings: settings, toolIdentity: environment.toolIdentity)
        if options.useCache, let cached = environment.cache?.lookup(key) { return (cached, true) }
        let execution = try environment.executor.execute(cells, settings: settings)
        // A program killed by an interrupt did not fail on its own: never remember that.
        if !Interrupts.isInterrupted { environment.cache?.store(execution, for: key) }
        return (execution, false)
    }
}
