import Foundation
import Testing

/// Runs the built `swiftbook` binary on copies of the fixture chapters.
///
/// The binary and the engine are the package's own `.build/debug`: `swift build` makes both
/// (`Scripts/test` runs it before `swift test`; the engine is also `swift build --product SwiftbookEngine`).
struct CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let buildFolder = packageRoot.appendingPathComponent(".build/debug")
    static let binary = buildFolder.appendingPathComponent("swiftbook")
    static let fixtures = packageRoot.appendingPathComponent("Tests/LiterateTests/Fixtures/chapters")

    /// A scratch folder holding copies of the named fixture chapters, and a cache folder.
    let folder: URL

    init(_ fixtures: String...) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Chapters"), withIntermediateDirectories: true)
        for name in fixtures {
            try FileManager.default.copyItem(at: CLI.fixtures.appendingPathComponent(name), to: chapter(name))
        }
    }

    func chapter(_ name: String) -> URL { folder.appendingPathComponent("Chapters").appendingPathComponent(name) }

    func text(_ name: String) throws -> String { try String(contentsOf: chapter(name), encoding: .utf8) }

    func bytes(_ name: String) throws -> Data { try Data(contentsOf: chapter(name)) }

    func modified(_ name: String) throws -> Date {
        try FileManager.default.attributesOfItem(atPath: chapter(name).path)[.modificationDate] as! Date
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts `swiftbook arguments...` in the scratch folder (chapter names resolve to `Chapters/<name>`).
    /// `SWIFTBOOK_ENGINE` is set to the package's build unless `extra` sets it to "" (then it is
    /// unset and swiftbook finds the engine itself); `binary` replaces the package's `swiftbook`.
    func start(_ arguments: [String], environment extra: [String: String] = [:], binary: URL = CLI.binary,
               in directory: URL? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? folder
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFTBOOK_ENGINE"] = CLI.buildFolder.path
        environment.removeValue(forKey: "GITHUB_ACTIONS")
        for (key, value) in extra { environment[key] = value.isEmpty ? nil : value }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try CLI.launch(process)
        return (process, out, err)
    }

    /// Runs `swiftbook arguments...` with a private cache folder and waits for it.
    @discardableResult
    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> Result {
        try run(arguments + ["--cache-dir", folder.appendingPathComponent("cache").path], environment: environment)
    }

    /// Runs `binary arguments...` in `directory` (default: the scratch folder) as given, and waits for it.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], binary: URL = CLI.binary,
             in directory: URL? = nil) throws -> Result {
        let (process, out, err) = try start(arguments, environment: environment, binary: binary, in: directory)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts `process`, again after a moment when its executable is "busy": a binary a test has
    /// just copied can still be open for writing in a child that another test's thread forked
    /// before that child's exec closed it (Linux reports ETXTBSY until then).
    static func launch(_ process: Process) throws {
        for attempt in 1... {
            do {
                return try process.run()
            } catch let error as NSError where attempt < 10
                && (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) {
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
