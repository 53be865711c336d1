import Foundation

/// Compiles a chapter program with `swiftc` against an engine build.
///
/// `-Onone`: chapter programs are small and run briefly, so compile time dominates; on this
/// machine `-Onone` compiles a chapter in about 0.3 s where `-O` takes 0.9 s (Benchmarks/runner).
/// The engine itself is whatever build it is (a release engine is fast at `-Onone` call sites).
/// `-wmo` compiles `main.swift` and `runtime.swift` in one frontend process instead of two that
/// each load the engine's modules (0.71 s → 0.34 s for a small chapter). Linking is then the
/// largest part; the toolchain's `ld.lld`, when it ships one, links faster than the system's
/// `gold`, and with one thread (0.34 s → 0.28 s) it leaves the other core to a parallel chapter.
struct SwiftCompiler: Sendable {
    var swiftc: String
    var engine: Engine
    var optimization: String

    init(swiftc: String = SwiftCompiler.defaultPath, engine: Engine, optimization: String = "-Onone") {
        self.swiftc = swiftc
        self.engine = engine
        self.optimization = optimization
    }

    /// `swiftc` from `SWIFTC`, else beside the running toolchain's `swift`, else from `PATH`.
    static var defaultPath: String {
        if let explicit = ProcessInfo.processInfo.environment["SWIFTC"] { return explicit }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/swiftc"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "swiftc"
    }

    /// The result of one compilation.
    struct Outcome: Sendable {
        var succeeded: Bool
        var diagnostics: [CompilerDiagnostic]
        var output: String
    }

    /// Compiles a plan (written to `directory/main.swift` and `runtime.swift`) into `directory/program`.
    func compile(_ plan: ProgramPlan, in directory: URL) throws -> Outcome {
        let main = directory.appendingPathComponent("main.swift")
        let runtime = directory.appendingPathComponent("runtime.swift")
        do {
            try plan.source.write(to: main, atomically: false, encoding: .utf8)
            try plan.runtime.write(to: runtime, atomically: false, encoding: .utf8)
        } catch {
            throw ExecutionError.io("cannot write \(main.path): \(error.localizedDescription)")
        }
        // Line tables let `TrapLocator` find the line of a trap.
        var arguments = ["-swift-version", "5", optimization, "-gline-tables-only", "-wmo", "-diagnostic-style", "llvm",
                         "-module-name", "ChapterProgram", main.path, runtime.path,
                         "-o", directory.appendingPathComponent("program").path] + engine.compilerArguments
        if hasLLD { arguments += ["-use-ld=lld", "-Xlinker", "--threads=1"] }
        let result = try ChildProcess.output(swiftc, arguments: arguments)
        return Outcome(succeeded: result.termination == .exited(0),
                       diagnostics: CompilerDiagnostic.parse(result.text), output: result.text)
    }

    /// `swiftc --version`: the toolchain's identity for the cache, by what it says it is, never
    /// by its path. Remembered in `cacheDirectory` under the compiler's path and `FileStamp` (size,
    /// modification time, inode, device) so a warm run does not start the compiler at all.
    func version(cacheDirectory: URL?) -> String {
        let key = SHA256.hex(FileDigests.stamp(resolvedPath) ?? resolvedPath)
        let file = cacheDirectory?.appendingPathComponent("swiftc-\(key).version")
        if let file, let cached = try? String(contentsOf: file, encoding: .utf8), !cached.isEmpty { return cached }
        let version = (try? ChildProcess.output(swiftc, arguments: ["--version"]).text) ?? "unknown"
        if let file { try? version.write(to: file, atomically: true, encoding: .utf8) }
        return version
    }

    /// `llvm-symbolizer` of the toolchain of `swiftc`, else from `PATH`.
    var symbolizer: String {
        let candidate = URL(fileURLWithPath: resolvedPath).deletingLastPathComponent().appendingPathComponent("llvm-symbolizer")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate.path : "llvm-symbolizer"
    }

    /// Whether the toolchain of `swiftc` has its own `ld.lld`.
    private var hasLLD: Bool {
        let folder = URL(fileURLWithPath: resolvedPath).deletingLastPathComponent()
        return FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("ld.lld").path)
    }

    private var resolvedPath: String {
        URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().path
    }
}
