import Foundation

/// Remembers what executing a chapter produced, keyed by everything that can change it, so a
/// warm `run` or `check` neither compiles nor runs.
///
/// The key is SHA-256 over everything the planned program and its run are made from: each cell's
/// code, number and `fails` option, the chapter's file name, seed, time and output limits, and
/// the tools by content (`ToolIdentity`: the engine's files, `swiftc --version`, swiftbook's
/// version and executable), never by path or time, so the folder can be restored into a fresh
/// clone or another machine. Hashing the inputs rather than the planned text lets a warm run skip
/// planning. Entries are files `<key>.json` in the cache folder (`.build/swiftbook-cache/` of the
/// package by default), written atomically: a header line `swiftbook-cache-v5 <key> <sha256>`,
/// then the execution as JSON. An entry whose header is not that of the key looked up, whose
/// checksum does not match, or that does not decode (damaged, truncated, copied under another
/// name) is a miss. Runs that timed out are not stored: a slower moment could differ.
struct ResultCache: Sendable {
    let directory: URL

    /// Opens (creating) a cache folder.
    init(directory: URL) throws {
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
    static func defaultDirectory(near start: URL) -> URL {
        let root = packageRoot(from: start) ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return root.appendingPathComponent(".build/swiftbook-cache")
    }

    /// The key for a chapter's cells under the given settings and toolchain identity: what
    /// decides the program and its run, and nothing else. Cell lines, indentation and the
    /// chapter's folder are not in it (an execution holds no chapter positions), so a prose edit
    /// or the outputs a first `run` inserts change no key.
    static func key(cells: [ProgramCell], settings: ExecutionSettings, toolIdentity: String) -> String {
        var hash = SHA256()
        hash.update(field: ResultCache.format)
        hash.update(field: toolIdentity)
        for cell in cells {
            hash.update(field: "\(cell.id.number) \(cell.expectsFailure)")
            hash.update(field: cell.code)
        }
        hash.update(field: "\(settings.chapterName) \(settings.seed) \(settings.timeout) \(settings.maxOutput)")
        return hash.hexDigest()
    }

    /// The stored execution for a key, if any and intact.
    func lookup(_ key: String) -> ChapterExecution? {
        guard let data = try? Data(contentsOf: file(key)), let newline = data.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let header = String(decoding: data[data.startIndex..<newline], as: UTF8.self).split(separator: " ")
        let payload = data[(newline + 1)...]
        var hash = SHA256()
        payload.withUnsafeBytes { hash.update(buffer: $0) }
        guard header.count == 3, header[0] == ResultCache.format, header[1] == key, header[2] == hash.hexDigest(),
              var execution = try? JSONDecoder().decode(ChapterExecution.self, from: payload) else { return nil }
        execution.compilations = 0
        return execution
    }

    /// Stores an execution (best effort: a cache that cannot be written only costs time).
    func store(_ execution: ChapterExecution, for key: String) {
        guard !execution.timedOut, let payload = try? JSONEncoder().encode(execution) else { return }
        var hash = SHA256()
        payload.withUnsafeBytes { hash.update(buffer: $0) }
        write(Data("\(ResultCache.format) \(key) \(hash.hexDigest())\n".utf8) + payload, to: file(key))
    }

    /// Writes a file of the cache atomically: beside it, then renamed over it.
    func write(_ data: Data, to destination: URL) {
        let temporary = directory.appendingPathComponent(".\(UUID().uuidString).tmp")
        CleanupRegistry.shared.add(temporary.path)
        defer { CleanupRegistry.shared.remove(temporary.path) }
        do {
            try data.write(to: temporary)
            if rename(temporary.path, destination.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// Where the tools' file digests are remembered (`FileDigests`).
    var digests: FileDigests { FileDigests(directory: directory.appendingPathComponent("digests")) }

    /// The version of the key and of the entries' header.
    static let format = "swiftbook-cache-v5"

    private func file(_ key: String) -> URL { directory.appendingPathComponent("\(key).json") }
}
