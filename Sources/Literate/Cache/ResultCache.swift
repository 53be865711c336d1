import Foundation

/// Remembers what executing a chapter produced, keyed by everything that can change it, so a
/// warm `run` or `check` neither compiles nor runs.
///
/// The key is SHA-256 over everything the planned program and its run are made from: each cell's
/// code, number and `fails` option, the chapter's file name, seed, time and output limits, the
/// engine build's identity, `swiftc --version`, and swiftbook's own version and executable
/// (which fixes how cells are planned). Hashing the inputs rather than the planned text lets a
/// warm run skip planning. Entries are JSON files `<key>.json` in the cache folder
/// (`.build/swiftbook-cache/` of the package by default), written atomically; a damaged or
/// unreadable entry is a miss. Runs that timed out are not stored: a slower moment could differ.
public struct ResultCache: Sendable {
    public let directory: URL

    /// Opens (creating) a cache folder.
    public init(directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ExecutionError.io("cannot create the cache folder \(directory.path): \(error.localizedDescription); "
                                    + "choose another with --cache-dir")
        }
        self.directory = directory
    }

    /// The default folder: `.build/swiftbook-cache` of the package around `start`, else of the
    /// current folder.
    public static func defaultDirectory(near start: URL) -> URL {
        let root = packageRoot(from: start) ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return root.appendingPathComponent(".build/swiftbook-cache")
    }

    /// The key for a chapter's cells under the given settings and toolchain identity: what
    /// decides the program and its run, and nothing else. Cell lines, indentation and the
    /// chapter's folder are not in it (an execution holds no chapter positions), so a prose edit
    /// or the outputs a first `run` inserts change no key.
    public static func key(cells: [ProgramCell], settings: ExecutionSettings, toolIdentity: String) -> String {
        var hash = SHA256()
        hash.update(field: "swiftbook-cache-v3")
        hash.update(field: toolIdentity)
        for cell in cells {
            hash.update(field: "\(cell.number) \(cell.expectsFailure)")
            hash.update(field: cell.code)
        }
        hash.update(field: "\(settings.chapterName) \(settings.seed) \(settings.timeout) \(settings.maxOutput)")
        return hash.hexDigest()
    }

    /// The stored execution for a key, if any.
    public func lookup(_ key: String) -> ChapterExecution? {
        guard let data = try? Data(contentsOf: file(key)),
              var execution = try? JSONDecoder().decode(ChapterExecution.self, from: data) else { return nil }
        execution.compilations = 0
        return execution
    }

    /// Stores an execution (best effort: a cache that cannot be written only costs time).
    public func store(_ execution: ChapterExecution, for key: String) {
        guard !execution.timedOut, let data = try? JSONEncoder().encode(execution) else { return }
        let temporary = directory.appendingPathComponent(".\(key).\(UUID().uuidString).tmp")
        CleanupRegistry.shared.add(temporary.path)
        defer { CleanupRegistry.shared.remove(temporary.path) }
        do {
            try data.write(to: temporary)
            if rename(temporary.path, file(key).path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    private func file(_ key: String) -> URL { directory.appendingPathComponent("\(key).json") }
}
