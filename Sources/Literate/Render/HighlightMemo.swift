import Foundation

/// The highlighted HTML of cells seen before in this process, so `swiftbook preview`, which
/// renders a chapter again on every save, parses only the cells that changed (swift-syntax
/// parsing is most of a re-render). Bounded: forgets everything past 4,096 cells.
final class HighlightMemo: @unchecked Sendable {
    static let shared = HighlightMemo()
    private let lock = NSLock()
    private var entries: [String: String] = [:]

    func html(for source: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return entries[source]
    }

    func store(_ html: String, for source: String) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= 4096 { entries.removeAll() }
        entries[source] = html
    }
}
