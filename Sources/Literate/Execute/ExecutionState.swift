import Foundation

/// The outcomes gathered while a chapter's program is compiled and run, perhaps several times.
struct ExecutionState {
    let settings: ExecutionSettings
    let locator: TrapLocator
    var outcomes: [Cell.ID: CellOutcome] = [:]
    var warnings: [CellDiagnostic] = []
    var timedOut = false
    private var secondsUsed = 0.0

    /// The code of every cell, for the excerpts of recorded errors.
    private let cellCode: [Cell.ID: String]

    init(settings: ExecutionSettings, locator: TrapLocator, cells: [ProgramCell]) {
        self.settings = settings
        self.locator = locator
        self.cellCode = Dictionary(cells.map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
    }

    /// The compiler failed without saying anything about a cell.
    mutating func buildFailed(_ program: [ProgramCell], output: String) {
        guard let first = program.first else { return }
        let reason = output.split(separator: "\n").prefix(5).joined(separator: "\n")
        fail(first, .buildFailed, "the chapter program failed to build:\n\(reason)")
        notRun(program.dropFirst(), because: "the chapter program failed to build")
    }

    /// Records the errors that make `cell` the first cell that does not compile: the output of a
    /// `fails` cell, else its failure, which leaves the cells after it unrun.
    mutating func recordCompileErrors(_ errors: [CellDiagnostic], of cell: ProgramCell, later: ArraySlice<ProgramCell>) {
        if cell.expectsFailure {
            outcomes[cell.id] = CellOutcome(cell: cell.id, status: .passed,
                                            output: errors.map { recordedText(of: $0) }.joined())
            return
        }
        let own = errors.first { $0.position.cell == cell.id }
        let first = own ?? errors[0]
        let message = own != nil ? "\(cell.id) does not compile: \(first.message)"
            : "\(cell.id) makes \(first.position.cell) fail to compile: \(first.message)"
        outcomes[cell.id] = CellOutcome(cell: cell.id, status: .failed, output: "", message: message,
                                        failure: .compileError, position: own?.position,
                                        diagnostics: errors.filter { $0 != own })
        notRun(later, because: "\(cell.id) does not compile")
    }

    /// An error as a `fails` cell records it: the message and the line of code it is about, with
    /// a caret under its column; no file or line number, so the output depends on the code alone.
    private func recordedText(of error: CellDiagnostic) -> String {
        var text = "\(error.severity.rawValue): \(error.message)\n"
        guard let code = cellCode[error.position.cell] else { return text }
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        guard error.position.line >= 1, error.position.line <= lines.count else { return text }
        let line = lines[error.position.line - 1]
        text += line + "\n"
        let prefix = line.utf8.prefix(max(error.position.column - 1, 0))
        text += String(decoding: prefix, as: UTF8.self).map { $0 == "\t" ? "\t" : " " } + "^\n"
        return text
    }

    /// Runs the compiled program. Returns the cells to compile and run next when a `fails` cell
    /// trapped as expected (all but that one), nil when the run settled every cell it reached.
    mutating func run(_ binary: URL, plan: ProgramPlan, program: [ProgramCell]) throws -> [ProgramCell]? {
        var skipped: Set<Cell.ID> = []
        while true {
            switch try runOnce(binary, plan: plan, program: program, skipping: skipped) {
            case .settled: return nil
            case .skip(let cell): skipped.insert(cell)
            case .recompile(let rest): return rest
            }
        }
    }

    private enum RunEnd {
        /// Every cell the run reached has its outcome.
        case settled
        /// A `fails` cell trapped as expected and the binary can skip it: run again without it.
        case skip(Cell.ID)
        /// A `fails` cell trapped as expected: compile and run these cells next.
        case recompile([ProgramCell])
    }

    private mutating func runOnce(_ binary: URL, plan: ProgramPlan, program: [ProgramCell], skipping skipped: Set<Cell.ID>) throws -> RunEnd {
        let cells = Dictionary(uniqueKeysWithValues: program.map { ($0.id, $0) })
        let nonce = String(UInt64.random(in: .min ... .max), radix: 36) + String(UInt64.random(in: .min ... .max), radix: 36)
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFTBOOK_NONCE"] = nonce
        environment["SWIFTBOOK_SKIP"] = skipped.sorted().map { String($0.number) }.joined(separator: ",")
        environment["SWIFT_BACKTRACE"] = "enable=no"
        // Dictionary and Set order, like every other output, is the same on every run.
        environment["SWIFT_DETERMINISTIC_HASHING"] = "1"
        var parser = CellOutputParser(nonce: nonce, limit: settings.maxOutput)
        let started = Date()
        let termination = try ChildProcess.run(binary.path, arguments: [], environment: environment,
                                               timeout: max(settings.timeout - secondsUsed, 0.001)) { parser.consume($0) }
        parser.finish()
        secondsUsed += Date().timeIntervalSince(started)

        let stopped = parser.ended ? nil : parser.started.last
        for id in parser.started where id != stopped && outcomes[id] == nil {
            guard let cell = cells[id], let captured = parser.outputs[id] else { continue }
            if cell.expectsFailure {
                fail(cell, .unexpectedSuccess, "\(id) was expected to fail but succeeded", output: captured.text)
            } else {
                outcomes[id] = CellOutcome(cell: id, status: .passed, output: captured.text, figure: captured.figure)
            }
        }
        guard let stopped, let cell = cells[stopped] else {
            if !parser.ended, let first = program.first(where: { outcomes[$0.id] == nil }) {
                fail(first, .crashed, "the chapter program stopped before its first cell (\(termination))")
            }
            return .settled
        }
        let captured = parser.outputs[stopped] ?? CapturedOutput(limit: settings.maxOutput)
        let later = program.filter { $0.id > stopped && outcomes[$0.id] == nil }
        if termination == .timedOut {
            timedOut = true
            fail(cell, .timedOut, "\(stopped) timed out after \(formatSeconds(settings.timeout)) s (the chapter's time limit; "
                 + "raise it with `timeout=` in the chapter's settings or --timeout)", output: captured.text)
            notRun(later, because: "\(stopped) timed out")
            return .settled
        }
        let location = locator.locate(parser.trapAddresses, in: binary, plan: plan)
        let report = TrapReport(output: captured.fullTailText, termination: termination, runtimeFailure: location.runtimeFailure)
        let printed = captured.isTruncated
            ? TrapReport(output: captured.keptText, termination: termination).printed + captured.truncationNote
            : report.printed
        if cell.expectsFailure && !skipped.contains(stopped) {
            outcomes[stopped] = CellOutcome(cell: stopped, status: .passed, output: printed + report.message + "\n")
            return plan.cell(stopped)?.skippable == true ? .skip(stopped) : .recompile(program.filter { $0.id != stopped })
        }
        let position = location.position?.cell == stopped ? location.position : nil
        fail(cell, .crashed, "\(stopped) crashed: \(report.message)", output: printed, position: position)
        notRun(later, because: "\(stopped) crashed")
        return .settled
    }

    private mutating func fail(_ cell: ProgramCell, _ failure: CellOutcome.Failure, _ message: String,
                               output: String = "", position: CellPosition? = nil) {
        outcomes[cell.id] = CellOutcome(cell: cell.id, status: .failed, output: lastLines(of: output),
                                        message: message, failure: failure, position: position)
    }

    private mutating func notRun(_ cells: some Sequence<ProgramCell>, because reason: String) {
        for cell in cells where outcomes[cell.id] == nil {
            outcomes[cell.id] = CellOutcome(cell: cell.id, status: .notRun, output: "", message: "not run: \(reason)")
        }
    }

    /// One outcome per cell, in order; a cell nothing happened to did not run.
    func execution(for cells: [ProgramCell]) -> ChapterExecution {
        let list = cells.map { cell in
            outcomes[cell.id] ?? CellOutcome(cell: cell.id, status: .notRun, output: "", message: "not run")
        }
        var execution = ChapterExecution(outcomes: list, warnings: warnings, compilations: 0, timedOut: timedOut)
        execution.runSeconds = secondsUsed
        return execution
    }
}

/// What a failed cell printed, as a failure message shows it: the last 20 lines, after a line
/// that says how much came before, so a cell that printed in an endless loop does not flood the
/// terminal.
func lastLines(of output: String, count: Int = 20) -> String {
    var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    guard lines.count > count else { return output }
    let hidden = lines.dropLast(count)
    let bytes = hidden.reduce(0) { $0 + $1.utf8.count + 1 }
    return "[\(hidden.count) earlier lines (\(bytes) bytes) not shown]\n" + lines.suffix(count).joined(separator: "\n") + "\n"
}

/// `60`, `2.5`: seconds as a person writes them.
func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
}
