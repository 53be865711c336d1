import Foundation

/// Files and folders to delete if the runner is interrupted: work folders and the temporary
/// files of chapters being written, so an interrupt leaves nothing half-made behind.
public final class CleanupRegistry: @unchecked Sendable {
    public static let shared = CleanupRegistry()
    private let lock = NSLock()
    private var paths: Set<String> = []

    public func add(_ path: String) {
        lock.lock()
        paths.insert(path)
        lock.unlock()
    }

    public func remove(_ path: String) {
        lock.lock()
        paths.remove(path)
        lock.unlock()
    }

    /// Deletes everything registered (called from the interrupt handler).
    public func removeAll() {
        lock.lock()
        let all = paths
        paths.removeAll()
        lock.unlock()
        for path in all { try? FileManager.default.removeItem(atPath: path) }
    }
}
