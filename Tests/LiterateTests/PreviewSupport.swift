import Foundation
import Testing
@testable import Literate
#if canImport(Glibc)
import Glibc
#endif

/// A scratch copy of the preview fixture book, served by a `PreviewSession` on a free port.
final class PreviewBook: @unchecked Sendable {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/LiterateTests/Fixtures/preview")
    let folder: URL
    let session: PreviewSession

    init(port: Int = 0, write: Bool = false) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixtures, to: folder.appendingPathComponent("Chapters"))
        let options = PreviewOptions(paths: [folder.appendingPathComponent("Chapters").path], port: port, write: write,
                                     engine: CLI.buildFolder.path, cacheDirectory: folder.appendingPathComponent("cache").path,
                                     pollInterval: 0.05)
        session = try PreviewSession(options: options, log: { _ in })
        session.start()
    }

    var port: Int { Int(session.url.split(separator: ":").last!.dropLast())! }

    func chapter(_ name: String) -> URL { folder.appendingPathComponent("Chapters").appendingPathComponent(name) }

    /// Saves `text` as the chapter `name`, as an editor would.
    func save(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: chapter(name))
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// HTTP over a raw socket, so the tests see exactly what the server sends.
enum RawHTTP {
    /// Connects to 127.0.0.1:`port`.
    static func connect(_ port: Int) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        precondition(result == 0, "cannot connect to port \(port)")
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return descriptor
    }

    /// `GET target` exactly as given (no normalisation): the status and the body.
    static func get(_ port: Int, _ target: String) -> (status: Int, body: String) {
        let descriptor = connect(port)
        defer { close(descriptor) }
        let request = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(descriptor, $0, strlen($0), 0) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return (status, body)
    }

    /// Opens the event stream of a tab showing `page` and waits until it is registered.
    static func events(_ port: Int, page: String) -> Int32 {
        let descriptor = connect(port)
        let request = "GET /_swiftbook/events?page=\(page) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        _ = request.withCString { send(descriptor, $0, strlen($0), 0) }
        _ = read(descriptor, until: ": connected", seconds: 10)
        return descriptor
    }

    /// Reads from `descriptor` until `text` arrives or `seconds` pass; what was read.
    static func read(_ descriptor: Int32, until text: String, seconds: Double) -> String {
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let deadline = Date().addingTimeInterval(seconds)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline && !String(decoding: bytes, as: UTF8.self).contains(text) {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 { break }
            if count > 0 { bytes += buffer[0..<count] }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
