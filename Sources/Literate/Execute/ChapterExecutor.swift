import Foundation

/// Settings for executing one chapter.
struct ExecutionSettings: Sendable {
    /// The chapter's file name (`custom-layers.md`): `#file` in a cell says it. Positions are
    /// never part of an execution (see `CellPosition`).
    var chapterName: String
    var seed: UInt64
    /// Time limit for the chapter's program, in seconds, over all its runs.
    var timeout: Double
    /// Bytes of output kept per cell.
    var maxOutput: Int

    init(chapterName: String, seed: UInt64, timeout: Double = 60, maxOutput: Int = 65536) {
        self.chapterName = chapterName
        self.seed = seed
        self.timeout = timeout
        self.maxOutput = maxOutput
    }
}

/// Compiles and runs a chapter's cells as one program and turns what happened into one outcome
/// per cell.
///
/// One compile and one run in the usual case. More only when cells fail:
/// - A cell that does not compile is found as the first cell whose program (it and the cells
///   before it) does not compile, so an error belongs to the cell whose code causes it even when
///   the compiler reports it in an earlier cell (a later extension that makes an earlier use
///   ambiguous). Before that, a cell whose value display is in the way is planned again without
///   it, so the errors are those of the code as written.
/// - The errors of a `fails` cell are its output; the program is planned again without it.
///   Another cell that does not compile fails, and the cells before it run (a program of them).
/// - A trap in a `fails` cell is its output; a program without that cell runs the rest.
/// - A trap or time-out in another cell fails it; the cells after it do not run.
struct ChapterExecutor: Sendable {
    var compiler: SwiftCompiler

    init(compiler: SwiftCompiler) {
        self.compiler = compiler
    }

    func execute(_ cells: [ProgramCell], settings: ExecutionSettings) throws -> ChapterExecution {
        let workspace = try Workspace.make()
        defer { workspace.remove() }
        var build = ProgramBuild(compiler: compiler, planner: ProgramPlanner(chapterName: settings.chapterName, seed: settings.seed),
                                 folder: workspace.url)
        var state = ExecutionState(settings: settings, locator: TrapLocator(symbolizer: compiler.symbolizer), cells: cells)
        var program = cells
        while !program.isEmpty {
            let attempt = try build.compile(program)
            if attempt.succeeded {
                state.warnings += attempt.warnings
                guard let rest = try state.run(build.binary, plan: attempt.plan, program: program) else { break }
                program = rest
                continue
            }
            guard let culprit = try build.firstFailing(program, fullProgram: attempt) else {
                state.buildFailed(program, output: attempt.output)
                break
            }
            let cell = program[culprit.index]
            state.recordCompileErrors(culprit.errors, of: cell, later: program[(culprit.index + 1)...])
            if cell.expectsFailure {
                program.remove(at: culprit.index)
            } else {
                program = Array(program[..<culprit.index])
            }
        }
        var execution = state.execution(for: cells)
        execution.compilations = build.compilations
        execution.compileSeconds = build.seconds
        return execution
    }
}

/// Compiles programs of a chapter's cells in one work folder, remembering which cells must
/// not show a value.
struct ProgramBuild {
    let compiler: SwiftCompiler
    let planner: ProgramPlanner
    let folder: URL
    private(set) var compilations = 0
    private(set) var seconds = 0.0
    private var withoutDisplay: Set<Cell.ID> = []

    init(compiler: SwiftCompiler, planner: ProgramPlanner, folder: URL) {
        self.compiler = compiler
        self.planner = planner
        self.folder = folder
    }

    var binary: URL { folder.appendingPathComponent("program") }

    struct Attempt {
        var plan: ProgramPlan
        var succeeded: Bool
        var errors: [CellDiagnostic]
        var warnings: [CellDiagnostic]
        var output: String
    }

    /// Compiles `cells` as a program; when a cell that shows a value has errors, again without
    /// its display, so the errors reported are always those of the code as written.
    mutating func compile(_ cells: [ProgramCell]) throws -> Attempt {
        while true {
            let plan = planner.plan(cells, withoutDisplay: withoutDisplay)
            let started = Date()
            let outcome = try compiler.compile(plan, in: folder)
            compilations += 1
            seconds += Date().timeIntervalSince(started)
            let mapper = DiagnosticMapper(plan: plan, mainPath: folder.appendingPathComponent("main.swift").path)
            let (errors, warnings) = mapper.map(outcome.diagnostics)
            let displayed = Set(errors.map(\.position.cell)).filter { plan.cell($0)?.showsValue == true }
            if !outcome.succeeded, !displayed.isEmpty {
                withoutDisplay.formUnion(displayed)
                continue
            }
            return Attempt(plan: plan, succeeded: outcome.succeeded, errors: errors, warnings: warnings, output: outcome.output)
        }
    }

    /// The first cell whose program (the cells up to it) does not compile, and that program's
    /// errors; nil when the compiler failed without an error about a cell.
    mutating func firstFailing(_ cells: [ProgramCell], fullProgram: Attempt) throws -> (index: Int, errors: [CellDiagnostic])? {
        let erring = Set(fullProgram.errors.map(\.position.cell))
        guard let first = cells.firstIndex(where: { erring.contains($0.id) }) else { return nil }
        var known = (index: cells.count - 1, errors: fullProgram.errors)
        // Does the program up to the first cell with an error fail already?
        if first < cells.count - 1 {
            let prefix = try compile(Array(cells[...first]))
            if !prefix.succeeded {
                let erringPrefix = Set(prefix.errors.map(\.position.cell))
                let index = cells.firstIndex { erringPrefix.contains($0.id) } ?? first
                return (index, prefix.errors)
            }
            // It compiles: a later cell breaks it. Find the first such cell by bisection.
            var low = first + 1
            while low < known.index {
                let middle = (low + known.index) / 2
                let attempt = try compile(Array(cells[...middle]))
                if attempt.succeeded { low = middle + 1 } else { known = (middle, attempt.errors) }
            }
        } else {
            known.index = first
        }
        return known
    }
}

/// A private folder for one chapter's `main.swift` and binary, removed afterwards and on interrupt.
struct Workspace {
    let url: URL

    static func make() throws -> Workspace {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("swiftbook-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw ExecutionError.io("cannot create a work folder in \(url.deletingLastPathComponent().path): \(error.localizedDescription)")
        }
        CleanupRegistry.shared.add(url.path)
        return Workspace(url: url)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
        CleanupRegistry.shared.remove(url.path)
    }
}
