import Foundation

/// What `PreviewChapterRunner` remembers between rounds: the tools' identity (reading it walks
/// swiftbook's sources and the engine's files; done again only when the engine or the compiler
/// changed on disk; the running tool itself cannot change) and each chapter's last execution by
/// its cache key (a save that changed only prose finds it without reading the cache folder).
final class PreviewRunMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var identity: (stamps: [FileWatcher.Stamp?], text: String)?
    private var executions: [String: (key: String, execution: ChapterExecution)] = [:]

    /// The identity made by `make`, made again only when `stamps` (of the tools' files) changed.
    func toolIdentity(stamps: [FileWatcher.Stamp?], make: () -> String) -> String {
        lock.lock()
        if let identity, identity.stamps == stamps { lock.unlock(); return identity.text }
        lock.unlock()
        let text = make()
        lock.lock()
        identity = (stamps, text)
        lock.unlock()
        return text
    }

    /// The execution kept for the chapter at `path`, if it was made under `key`.
    func execution(for key: String, path: String) -> ChapterExecution? {
        lock.lock()
        defer { lock.unlock() }
        guard let kept = executions[path], kept.key == key else { return nil }
        return kept.execution
    }

    /// Keeps `execution` as the chapter's latest (one per chapter).
    func keep(_ execution: ChapterExecution, for key: String, path: String) {
        lock.lock()
        var kept = execution
        kept.compilations = 0
        executions[path] = (key, kept)
        lock.unlock()
    }
}
