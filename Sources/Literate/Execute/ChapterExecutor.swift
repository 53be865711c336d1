import Foundation

/// Settings for executing one chapter.
public struct ExecutionSettings: Sendable {
    /// The chapter's path as messages show it (`Chapters/x.md`).
    public var chapterPath: String
    public var seed: UInt64
    /// Time limit for the chapter's program, in seconds, over all its runs.
    public var timeout: Double
    /// Bytes of output kept per cell.
    public var maxOutput: Int
    /// See `ProgramPlanner.callsManualSeed`.
    public var callsManualSeed: Bool

    public init(chapterPath: String, seed: UInt64, timeout: Double = 60, maxOutput: Int = 65536, callsManualSeed: Bool = true) {
        self.chapterPath = chapterPath
        self.seed = seed
        self.timeout = timeout
        self.maxOutput = maxOutput
        self.callsManualSeed = callsManualSeed
    }
}

/// Compiles and runs a chapter's cells as one program and turns what happened into one outcome
/// per cell.
///
/// One compile and one run in the usual case. More only when cells fail:
/// - compile errors in `fails` cells are those cells' outputs; the program is planned again
///   without them;
/// - a compile error in another cell fails that cell, and the cells before it still run (a
///   program of just those), so they keep verified outputs;
/// - a trap in a `fails` cell is its output; the same binary runs again with that cell skipped
///   (`SWIFTBOOK_SKIP`), so the cells after it run too;
/// - a trap or time-out in another cell fails it; the cells after it do not run.
public struct ChapterExecutor: Sendable {
    public var compiler: SwiftCompiler

    public init(compiler: SwiftCompiler) {
        self.compiler = compiler
    }

    public func execute(_ cells: [ProgramCell], settings: ExecutionSettings) throws -> ChapterExecution {
        let workspace = try Workspace.make()
        defer { workspace.remove() }
        let planner = ProgramPlanner(chapterPath: settings.chapterPath, seed: settings.seed,
                                     callsManualSeed: settings.callsManualSeed)
        var state = ExecutionState(settings: settings)
        var program = cells
        while !program.isEmpty {
            let plan = planner.plan(program)
            let compileStarted = Date()
            let compiled = try compiler.compile(plan, in: workspace.url)
            state.compilations += 1
            state.compileSeconds += Date().timeIntervalSince(compileStarted)
            let diagnostics = DiagnosticMapper(plan: plan, chapterPath: settings.chapterPath,
                                               mainPath: workspace.url.appendingPathComponent("main.swift").path)
            let (errors, warnings) = diagnostics.attribute(compiled.diagnostics)
            if !compiled.succeeded {
                guard let next = state.recordCompileErrors(errors, program: program, rawOutput: compiled.output) else { break }
                program = next
                continue
            }
            state.warnings += warnings
            try state.run(workspace.url.appendingPathComponent("program"), program: program)
            break
        }
        return state.execution(for: cells)
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
