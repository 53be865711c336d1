import Foundation

/// The outcomes gathered while a chapter's program is compiled and run, perhaps several times.
struct ExecutionState {
    let settings: ExecutionSettings
    var outcomes: [Int: CellOutcome] = [:]
    var warnings: [String] = []
    var compilations = 0
    var timedOut = false
    var compileSeconds = 0.0
    private var secondsUsed = 0.0

    init(settings: ExecutionSettings) {
        self.settings = settings
    }

    /// Records a failed compilation and returns the cells to try next (nil: give up).
    mutating func recordCompileErrors(_ errors: [MappedDiagnostic], program: [ProgramCell], rawOutput: String) -> [ProgramCell]? {
        guard let firstCell = program.first else { return nil }
        guard !errors.isEmpty else {
            let reason = rawOutput.split(separator: "\n").prefix(5).joined(separator: "\n")
            fail(firstCell, .buildFailed, "the chapter program failed to build:\n\(reason)", line: firstCell.line)
            notRun(program.dropFirst(), because: "the chapter program failed to build")
            return nil
        }
        let byCell = Dictionary(grouping: errors, by: \.cell)
        var next: [ProgramCell] = []
        var blocker: ProgramCell?
        for cell in program {
            guard let cellErrors = byCell[cell.number] else {
                if let blocker {
                    notRun([cell], because: "cell \(blocker.number) does not compile")
                } else {
                    next.append(cell)
                }
                continue
            }
            if cell.expectsFailure {
                let text = cellErrors.map(\.formatted).joined(separator: "\n") + "\n"
                outcomes[cell.number] = CellOutcome(number: cell.number, status: .passed, output: text,
                                                    line: cell.line, column: cell.indentation + 1)
                continue
            }
            let first = cellErrors[0]
            var message = "cell \(cell.number) does not compile: \(first.message)"
            for other in cellErrors.dropFirst() { message += "\n" + other.formatted }
            outcomes[cell.number] = CellOutcome(number: cell.number, status: .failed, output: "", message: message,
                                                failure: .compileError, line: first.line, column: first.column)
            if blocker == nil { blocker = cell }
        }
        return next
    }

    /// Runs the compiled program, again without a `fails` cell that trapped, until it ends.
    mutating func run(_ binary: URL, program: [ProgramCell]) throws {
        let cells = Dictionary(uniqueKeysWithValues: program.map { ($0.number, $0) })
        var skipped: Set<Int> = []
        while true {
            let nonce = String(UInt64.random(in: .min ... .max), radix: 36) + String(UInt64.random(in: .min ... .max), radix: 36)
            var environment = ProcessInfo.processInfo.environment
            environment["SWIFTBOOK_NONCE"] = nonce
            environment["SWIFTBOOK_SKIP"] = skipped.sorted().map(String.init).joined(separator: ",")
            environment["SWIFT_BACKTRACE"] = "enable=no"
            var parser = CellOutputParser(nonce: nonce, limit: settings.maxOutput)
            let started = Date()
            let termination = try ChildProcess.run(binary.path, arguments: [], environment: environment,
                                                   timeout: max(settings.timeout - secondsUsed, 0.001)) { parser.consume($0) }
            parser.finish()
            secondsUsed += Date().timeIntervalSince(started)

            let stopped = parser.ended ? nil : parser.started.last
            for number in parser.started where number != stopped && outcomes[number] == nil {
                guard let cell = cells[number], let captured = parser.outputs[number] else { continue }
                if cell.expectsFailure {
                    fail(cell, .unexpectedSuccess, "cell \(number) was expected to fail but succeeded", line: cell.line, output: captured.text)
                } else {
                    outcomes[number] = CellOutcome(number: number, status: .passed, output: captured.text,
                                                   line: cell.line, column: cell.indentation + 1)
                }
            }
            guard let stopped, let cell = cells[stopped] else {
                if !parser.ended, let first = program.first(where: { outcomes[$0.number] == nil }) {
                    fail(first, .crashed, "the chapter program stopped before its first cell (\(termination))", line: first.line)
                }
                return
            }
            let captured = parser.outputs[stopped] ?? CapturedOutput(limit: settings.maxOutput)
            let later = program.filter { $0.number > stopped && outcomes[$0.number] == nil }
            if termination == .timedOut {
                timedOut = true
                fail(cell, .timedOut, "cell \(stopped) timed out after \(formatSeconds(settings.timeout)) s (the chapter's time limit; "
                     + "raise it with `timeout=` in the chapter's settings or --timeout)", line: cell.line, output: captured.text)
                notRun(later, because: "cell \(stopped) timed out")
                return
            }
            let report = TrapReport(output: captured.fullTailText, termination: termination, chapterPath: settings.chapterPath)
            let printed = captured.isTruncated
                ? TrapReport(output: captured.keptText, termination: termination, chapterPath: settings.chapterPath).printed
                    + captured.truncationNote
                : report.printed
            if cell.expectsFailure && !skipped.contains(stopped) {
                outcomes[stopped] = CellOutcome(number: stopped, status: .passed, output: printed + report.message + "\n",
                                                line: cell.line, column: cell.indentation + 1)
                skipped.insert(stopped)
                continue
            }
            fail(cell, .crashed, "cell \(stopped) crashed: \(report.message)", line: report.chapterLine ?? cell.line, output: printed)
            notRun(later, because: "cell \(stopped) crashed")
            return
        }
    }

    private mutating func fail(_ cell: ProgramCell, _ failure: CellOutcome.Failure, _ message: String, line: Int,
                               output: String = "") {
        outcomes[cell.number] = CellOutcome(number: cell.number, status: .failed, output: output, message: message,
                                            failure: failure, line: line, column: cell.indentation + 1)
    }

    private mutating func notRun(_ cells: some Sequence<ProgramCell>, because reason: String) {
        for cell in cells where outcomes[cell.number] == nil {
            outcomes[cell.number] = CellOutcome(number: cell.number, status: .notRun, output: "", message: "not run: \(reason)",
                                                line: cell.line, column: cell.indentation + 1)
        }
    }

    /// One outcome per cell, in order; a cell nothing happened to did not run.
    func execution(for cells: [ProgramCell]) -> ChapterExecution {
        let list = cells.map { cell in
            outcomes[cell.number] ?? CellOutcome(number: cell.number, status: .notRun, output: "", message: "not run",
                                                 line: cell.line, column: cell.indentation + 1)
        }
        var execution = ChapterExecution(outcomes: list, warnings: warnings, compilations: compilations, timedOut: timedOut)
        execution.compileSeconds = compileSeconds
        execution.runSeconds = secondsUsed
        return execution
    }
}

/// `60`, `2.5`: seconds as a person writes them.
func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
}
