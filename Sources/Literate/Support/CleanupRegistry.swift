import Foundation

/// Files and folders to delete if the runner is interrupted: work folders and the temporary
/// files of chapters being written, so an interrupt leaves nothing half-made behind.
final class CleanupRegistry: @unchecked Sendable {
    static let shared = CleanupRegistry()
    private let lock = NSLock()
    private var paths: Set<String> = []

    func add(_ path: String) {
        lock.lock()
        paths.insert(path)
        lock.unlock()
    }

    func remove(_ path: String) {
        lock.lock()
        paths.remove(path)
        lock.unlock()
    }

    /// Deletes everything registered (called from the interrupt handler).
    func removeAll() {
        lock.lock()
        let all = paths
        paths.removeAll()
        lock.unlock()
        for path in all { try? FileManager.default.removeItem(atPath: path) }
    }
}
