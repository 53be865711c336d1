import Foundation

/// Each chapter's last measured time (compiling and running all its cells), kept in the cache
/// folder (`timings/`) so `--shard` can balance the shards. One small file per chapter, named
/// after the chapter's path, so shards that ran on different machines can pour their cache
/// folders into one without conflicts.
public struct ChapterTimings: Sendable {
    public let directory: URL

    public init(cacheDirectory: URL) {
        directory = cacheDirectory.appendingPathComponent("timings")
    }

    /// The measured seconds of each of `paths` that has a timing.
    public func times(of paths: [String]) -> [String: Double] {
        var times: [String: Double] = [:]
        for path in paths {
            guard let text = try? String(contentsOf: file(path), encoding: .utf8) else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            // The path is written too, so a file of another chapter is never taken for this one.
            if lines.count >= 2, lines[1] == path, let seconds = Double(lines[0]), seconds.isFinite, seconds >= 0 {
                times[path] = seconds
            }
        }
        return times
    }

    /// Remembers a chapter's time (best effort).
    public func record(_ seconds: Double, for path: String) {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(UUID().uuidString).tmp")
        guard (try? "\(seconds)\n\(path)\n".write(to: temporary, atomically: false, encoding: .utf8)) != nil else { return }
        if rename(temporary.path, file(path).path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }

    private func file(_ path: String) -> URL { directory.appendingPathComponent(SHA256.hex(path) + ".time") }
}
