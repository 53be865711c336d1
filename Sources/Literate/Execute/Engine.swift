import Foundation

/// A build of the engine that chapter programs compile and link against: a folder holding
/// `libSwiftbookEngine.so` (or `.dylib`) and `Modules/` with `Autograd.swiftmodule` and
/// `NN.swiftmodule`, as `swift build` leaves them in `.build/debug` or `.build/release`.
struct Engine: Sendable, Hashable {
    /// The build folder.
    var directory: String
    /// Extra `-I` folders for the C modules the engine's Swift modules import (a client of a
    /// non-resilient module needs them): every `Sources/*/module.modulemap` folder of the package
    /// that built the engine, and the include folders pkg-config gives for what they link.
    var includeDirectories: [String]

    static let libraryName = "SwiftbookEngine"
    #if os(macOS)
    static let libraryFile = "libSwiftbookEngine.dylib"
    #else
    static let libraryFile = "libSwiftbookEngine.so"
    #endif

    /// The engine in `directory`, or nil when the folder lacks the library or its modules.
    init?(directory: String) {
        let url = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath()
        let manager = FileManager.default
        guard manager.fileExists(atPath: url.appendingPathComponent(Engine.libraryFile).path),
              manager.fileExists(atPath: url.appendingPathComponent("Modules").path) else { return nil }
        self.directory = url.path
        self.includeDirectories = Engine.cModuleIncludes(near: url)
    }

    /// The flags that make `import Autograd` and `import NN` compile and link.
    var compilerArguments: [String] {
        var arguments = ["-I", directory + "/Modules", "-L", directory, "-l" + Engine.libraryName,
                         "-Xlinker", "-rpath", "-Xlinker", directory]
        for include in includeDirectories { arguments += ["-I", include] }
        return arguments
    }

    /// What identifies this engine build for the cache, by content only: the SHA-256 of the
    /// library, of the modules cells import (`Autograd`, `NN`) and of the C module maps they need.
    /// Never a path or a time, so a rebuild of the same sources in a fresh clone (or a copy of the
    /// folder) keeps every cached result; `digests` remembers the hashes for a warm run.
    func identity(digests: FileDigests) -> String {
        var files = [directory + "/" + Engine.libraryFile]
        files += Engine.swiftModules.map { "\(directory)/Modules/\($0).swiftmodule" }
        files += includeDirectories.map { $0 + "/module.modulemap" }.filter { FileManager.default.fileExists(atPath: $0) }
        return files.map { file in
            "\(URL(fileURLWithPath: file).lastPathComponent) \(digests.digest(ofFile: file) ?? "unreadable")"
        }.joined(separator: "\n")
    }

    /// The engine's Swift modules that chapter programs import.
    static let swiftModules = ["Autograd", "NN", "Plot"]

    /// Finds the engine: an explicit folder (`--engine`, then `SWIFTBOOK_ENGINE`), else the folder
    /// of the running executable (`.build/debug/swiftbook` sits beside `.build/debug/libSwiftbookEngine.so`,
    /// in this repository and in a book's package that depends on swiftbook and built the
    /// `SwiftbookEngine` product), else `.build/debug` and `.build/release` of the package around
    /// the current folder.
    static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL? = Bundle.main.executableURL,
                              currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> Engine {
        if let folder = explicit ?? environment["SWIFTBOOK_ENGINE"] {
            guard let engine = Engine(directory: folder) else { throw ExecutionError.engineNotFound(searched: [folder]) }
            return engine
        }
        var candidates: [String] = []
        if let executable { candidates.append(executable.resolvingSymlinksInPath().deletingLastPathComponent().path) }
        if let root = packageRoot(from: URL(fileURLWithPath: currentDirectory)) {
            candidates += [root.appendingPathComponent(".build/debug").path, root.appendingPathComponent(".build/release").path]
        }
        for candidate in candidates {
            if let engine = Engine(directory: candidate) { return engine }
        }
        throw ExecutionError.engineNotFound(searched: candidates)
    }

    /// The C module folders the engine's modules need: the `Sources/*` module maps of the package
    /// that built the engine (this repository, or a book's package) and of the swiftbook sources
    /// this tool was built from (`#filePath`), which is where a book's package that depends on
    /// swiftbook has swiftbook's own (`.build/checkouts/swiftbook`, or its local path).
    private static func cModuleIncludes(near build: URL) -> [String] {
        let ownSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var includes: [String] = []
        for sources in [packageRoot(from: build)?.appendingPathComponent("Sources"), ownSources].compactMap({ $0 }) {
            for include in cModuleIncludes(inSources: sources.standardizedFileURL) where !includes.contains(include) {
                includes.append(include)
            }
        }
        return includes
    }

    private static func cModuleIncludes(inSources sources: URL) -> [String] {
        let manager = FileManager.default
        var includes: [String] = []
        for name in (try? manager.contentsOfDirectory(atPath: sources.path))?.sorted() ?? [] {
            let map = sources.appendingPathComponent(name).appendingPathComponent("module.modulemap")
            guard let text = try? String(contentsOf: map, encoding: .utf8) else { continue }
            includes.append(map.deletingLastPathComponent().path)
            for library in linkedLibraries(inModuleMap: text) {
                includes += pkgConfigIncludes(library)
            }
        }
        return includes
    }

    /// The names in `link "name"` lines of a module map.
    private static func linkedLibraries(inModuleMap text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count >= 2, words[0] == "link" else { return nil }
            return words[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }

    private static func pkgConfigIncludes(_ package: String) -> [String] {
        guard let result = try? ChildProcess.output("pkg-config", arguments: ["--cflags-only-I", package]),
              result.termination == .exited(0) else { return [] }
        return result.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap {
            $0.hasPrefix("-I") ? String($0.dropFirst(2)) : nil
        }
    }
}

/// The nearest folder at or above `start` that holds a `Package.swift`.
func packageRoot(from start: URL) -> URL? {
    var folder = start.standardizedFileURL
    while true {
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
        let parent = folder.deletingLastPathComponent()
        if parent.path == folder.path { return nil }
        folder = parent
    }
}
