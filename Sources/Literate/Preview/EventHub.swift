import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The browser tabs of a preview, as server-sent event streams: each open page holds one
/// connection to `/_swiftbook/events?page=NAME`, and `reload(pages:)` tells the tabs showing a
/// changed page to load it again.
///
/// An event is `event: reload` with the page name as its data. A comment line is sent every
/// 15 seconds so that streams of closed tabs are noticed and dropped.
final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var streams: [(connection: Int32, page: String)] = []
    private var pinger: Thread?

    /// A hub with no tabs yet.
    init() {}

    /// Takes over `connection` as the event stream of a tab showing `page`.
    func add(_ connection: Int32, page: String) {
        // The first bytes make the browser's EventSource report the stream open.
        guard HTTPServer.sendAll(connection, Array("retry: 500\n: connected\n\n".utf8)) else { close(connection); return }
        lock.lock()
        streams.append((connection, page))
        if pinger == nil {
            let thread = Thread { [weak self] in
                while let hub = self {
                    hub.send(": ping\n\n", to: { _ in true })
                    Thread.sleep(forTimeInterval: 15)
                }
            }
            pinger = thread
            thread.start()
        }
        lock.unlock()
    }

    /// How many tabs are listening.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return streams.count
    }

    /// Tells every tab showing one of `pages` to reload.
    func reload(pages: Set<String>) {
        for page in pages.sorted() {
            send("event: reload\ndata: \(page)\n\n", to: { $0 == page })
        }
    }

    /// Writes `text` to the matching streams and drops those whose tab has gone.
    private func send(_ text: String, to matches: (String) -> Bool) {
        lock.lock()
        defer { lock.unlock() }
        let bytes = Array(text.utf8)
        streams.removeAll { stream in
            guard matches(stream.page) else { return false }
            if HTTPServer.sendAll(stream.connection, bytes) { return false }
            close(stream.connection)
            return true
        }
    }
}
