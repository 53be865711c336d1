import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices changed files by polling their modification time, size and inode.
///
/// Polling a few dozen files every 100 ms costs microseconds and works the same on Linux and
/// macOS, on network and container file systems, and across editors that save by renaming a new
/// file over the old one (which inotify reports as a move to a watch that then goes stale).
struct FileWatcher {
    /// What identifies one version of a file.
    typealias Stamp = FileStamp

    private(set) var stamps: [String: Stamp] = [:]

    /// The stamp of `path` now, nil when it is missing.
    static func stamp(_ path: String) -> Stamp? { FileStamp(path: path) }

    /// Takes new stamps of `paths` and returns those that changed, appeared or disappeared since
    /// the last call (every path, the first time).
    mutating func changes(among paths: [String]) -> Set<String> {
        var next: [String: Stamp] = [:]
        var changed = Set<String>()
        for path in paths {
            let stamp = Self.stamp(path)
            if let stamp { next[path] = stamp }
            if stamp != stamps[path] { changed.insert(path) }
        }
        for path in stamps.keys where next[path] == nil { changed.insert(path) }
        stamps = next
        return changed
    }
}
