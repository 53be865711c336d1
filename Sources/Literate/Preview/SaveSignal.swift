import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the preview's watcher the moment a file in a watched folder is saved, instead of at its
/// next look (Linux inotify on the folders; elsewhere, and when inotify is unavailable, it only
/// waits and the watcher polls as before).
///
/// Polling (`FileWatcher`) stays the judge of what changed: events only say "look now", and
/// whether the writers have finished. A file closed after writing (`IN_CLOSE_WRITE`) or renamed
/// into place (`IN_MOVED_TO`) is complete; one modified and not yet closed is still being
/// written. When every file modified since has been completed, a round can start at once;
/// otherwise the watcher waits for the save to settle, as it does when polling.
final class SaveSignal: @unchecked Sendable {
    private var descriptor: Int32 = -1
    private var watched: Set<String> = []
    /// Files modified and not yet closed, as `watch:name`.
    private var open: Set<String> = []
    /// Whether a file was completed since the last `forgetCompletions()`.
    private var sawCompletion = false

    /// Watches `folders` (more can be added with `watch(_:)`).
    init(folders: [String]) {
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        #endif
        folders.forEach(watch)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Adds `folder` to the watch (once; missing folders are skipped).
    func watch(_ folder: String) {
        guard descriptor >= 0, !watched.contains(folder) else { return }
        #if os(Linux)
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)
        if inotify_add_watch(descriptor, folder, mask) >= 0 { watched.insert(folder) }
        #endif
    }

    /// True when the events say that every save seen is finished: at least one file was
    /// completed since `forgetCompletions()` and none modified since is still open. Always false
    /// without inotify.
    var savesAreComplete: Bool { !watched.isEmpty && sawCompletion && open.isEmpty }

    /// Starts counting completions afresh (after a look that found nothing, or a round).
    func forgetCompletions() { sawCompletion = false }

    /// Waits up to `seconds` for events in the watched folders and reads all that are there;
    /// whether there were any.
    @discardableResult
    func wait(seconds: Double) -> Bool {
        guard descriptor >= 0 else {
            Thread.sleep(forTimeInterval: seconds)
            return false
        }
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, Int32(max(0, seconds * 1000).rounded(.up)))
        guard ready > 0 else { return false }
        #if os(Linux)
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let count = read(descriptor, &buffer, buffer.count)
        guard count > 0 else { return false }
        // Events are `inotify_event` headers (watch, mask, cookie, name length: 16 bytes) and a padded name.
        var offset = 0
        while offset + 16 <= count {
            func field(_ at: Int) -> UInt32 { buffer[offset + at..<offset + at + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) } }
            let mask = field(4), nameLength = Int(field(12))
            let nameBytes = buffer[offset + 16..<min(count, offset + 16 + nameLength)].prefix { $0 != 0 }
            let file = "\(field(0)):" + String(decoding: nameBytes, as: UTF8.self)
            offset += 16 + nameLength
            // Folders and hidden files (an editor's swap file, a temporary file renamed into
            // place later) are never chapters; they must not hold the round back.
            if mask & UInt32(IN_ISDIR) != 0 || nameBytes.first == UInt8(ascii: ".") { continue }
            if mask & UInt32(IN_MODIFY | IN_CREATE) != 0 { open.insert(file) }
            if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM) != 0 {
                open.remove(file)
                sawCompletion = true
            }
        }
        return true
        #else
        return false
        #endif
    }
}
