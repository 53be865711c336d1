import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on POSIX sockets, enough for `swiftbook preview`: `GET` and `HEAD`
/// of in-memory pages, and server-sent event streams that stay open.
///
/// One thread accepts; each connection gets its own thread, answers one request and closes
/// (`Connection: close`), except an event stream, which the `EventHub` keeps until the browser
/// goes away. Request heads larger than 16 KiB, and anything but `GET` or `HEAD`, are refused.
/// Why sockets and not a library: see the README's Dependencies section.
final class HTTPServer: @unchecked Sendable {
    /// What a handler answers.
    enum Reply: Sendable {
        /// A complete response.
        case response(status: Int, contentType: String, body: [UInt8])
        /// Keep the connection as an event stream; the hub writes to it from now on.
        case eventStream(EventHub, page: String)
    }

    /// The port actually bound (useful when 0 asked for any free port).
    let port: Int
    /// The address bound.
    let host: String
    private let listener: Int32
    private let handler: @Sendable (_ path: String) -> Reply

    /// Binds `host:port` and listens; `start()` begins serving.
    ///
    /// Throws `PreviewError.portInUse` when the port is taken, with a message naming it.
    init(host: String, port: Int, handler: @escaping @Sendable (_ path: String) -> Reply) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let info = list else {
            throw PreviewError.badHost(host)
        }
        defer { freeaddrinfo(list) }
        let descriptor = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard descriptor >= 0 else { throw PreviewError.socket("socket", errno) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        // Child processes (compilers, chapter programs) must not inherit the listening socket.
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        guard bind(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            let code = errno
            close(descriptor)
            if code == EADDRINUSE || code == EACCES { throw PreviewError.portInUse(host: host, port: port, code: code) }
            throw PreviewError.socket("bind \(host):\(port)", code)
        }
        guard listen(descriptor, 64) == 0 else {
            let code = errno
            close(descriptor)
            throw PreviewError.socket("listen", code)
        }
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        let family = Int32(address.ss_family)
        let boundPort = withUnsafePointer(to: &address) { pointer -> UInt16 in
            if family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
        self.listener = descriptor
        self.port = Int(boundPort)
        self.host = host
        self.handler = handler
    }

    /// Accepts connections on a background thread until the process ends.
    func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "preview-accept"
        thread.start()
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED || errno == EMFILE { usleep(10_000); continue }
                return
            }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            var noSignal: Int32 = 1
            #if canImport(Darwin)
            setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &noSignal, socklen_t(MemoryLayout<Int32>.size))
            #else
            _ = noSignal
            #endif
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let head = Self.readHead(connection) else { close(connection); return }
        let requestLine = head.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? ""
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else {
            Self.respond(connection, status: 400, contentType: "text/plain; charset=utf-8", body: Array("bad request\n".utf8), withBody: true)
            close(connection)
            return
        }
        let method = String(parts[0])
        guard method == "GET" || method == "HEAD" else {
            Self.respond(connection, status: 405, contentType: "text/plain; charset=utf-8", body: Array("only GET and HEAD\n".utf8), withBody: true)
            close(connection)
            return
        }
        switch handler(String(parts[1])) {
        case let .response(status, contentType, body):
            Self.respond(connection, status: status, contentType: contentType, body: body, withBody: method == "GET")
            close(connection)
        case let .eventStream(hub, page):
            let header = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n"
            guard Self.sendAll(connection, Array(header.utf8)) else { close(connection); return }
            hub.add(connection, page: page)
        }
    }

    /// Reads until the blank line that ends the head; nil for a closed, slow or oversized request.
    private static func readHead(_ connection: Int32) -> String? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 16_384 {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            bytes += buffer[0..<count]
            let end: [UInt8] = [13, 10, 13, 10]
            if bytes.count >= 4, (0...(bytes.count - 4)).contains(where: { bytes[$0..<$0 + 4].elementsEqual(end) }) {
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        return nil
    }

    private static func respond(_ connection: Int32, status: Int, contentType: String, body: [UInt8], withBody: Bool) {
        let reason = [200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"][status] ?? "Error"
        let header = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
            + "Cache-Control: no-store\r\nConnection: close\r\n\r\n"
        _ = sendAll(connection, Array(header.utf8) + (withBody ? body : []))
    }

    /// Writes all of `bytes`; false when the other side has gone.
    @discardableResult
    static func sendAll(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
            #else
            let flags: Int32 = 0
            #endif
            let written = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, flags) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
