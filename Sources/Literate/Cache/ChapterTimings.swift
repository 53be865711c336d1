import Foundation

/// Each chapter's measured time (compiling and running all its cells), kept in the cache folder
/// so `--shard` can balance the shards.
///
/// Two kinds of files, so that every shard of one split sees the same times even when the shards
/// run one after another on one cache folder: measurements (`timings/<hash of path>.time`, one
/// small file per chapter, written by every run, so shards' cache folders can be poured into
/// one without conflicts), and the split times (`timings/split.json`), which `--shard` reads and
/// never writes. The split times are refreshed from the measurements by a run without `--shard`
/// and by `merge-reports --cache-dir`, that is, between runs of the whole book.
public struct ChapterTimings: Sendable {
    let directory: URL

    /// The timings kept in `cacheDirectory/timings`.
    public init(cacheDirectory: URL) {
        directory = cacheDirectory.appendingPathComponent("timings")
    }

    /// The split times of those of `paths` that have one.
    func splitTimes(of paths: [String]) -> [String: Double] {
        guard let data = try? Data(contentsOf: splitFile),
              let all = try? JSONDecoder().decode([String: Double].self, from: data) else { return [:] }
        var times: [String: Double] = [:]
        for path in paths { if let seconds = all[path], seconds.isFinite, seconds >= 0 { times[path] = seconds } }
        return times
    }

    /// The latest measurement of each of `paths` that has one.
    func measurements(of paths: [String]) -> [String: Double] {
        var times: [String: Double] = [:]
        for path in paths { if let (_, seconds) = Self.read(file(path)), seconds.isFinite, seconds >= 0 { times[path] = seconds } }
        return times
    }

    /// Remembers a chapter's measured time (best effort).
    func record(_ seconds: Double, for path: String) {
        write(Data("\(seconds)\n\(path)\n".utf8), to: file(path))
    }

    /// Makes every measurement the split time of its chapter (best effort).
    public func refreshSplitTimes() {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        var all: [String: Double] = [:]
        for file in files where file.pathExtension == "time" {
            if let (path, seconds) = Self.read(file), seconds.isFinite, seconds >= 0 { all[path] = seconds }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        if let data = try? encoder.encode(all) { write(data, to: splitFile) }
    }

    /// A measurement file's chapter path and seconds. The path is written in the file, so a file
    /// of another chapter is never taken for this one.
    private static func read(_ file: URL) -> (String, Double)? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, let seconds = Double(lines[0]) else { return nil }
        return (String(lines[1]), seconds)
    }

    private func write(_ data: Data, to destination: URL) {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(UUID().uuidString).tmp")
        guard (try? data.write(to: temporary)) != nil else { return }
        if rename(temporary.path, destination.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }

    private var splitFile: URL { directory.appendingPathComponent("split.json") }

    private func file(_ path: String) -> URL { directory.appendingPathComponent(SHA256.hex(path) + ".time") }
}
