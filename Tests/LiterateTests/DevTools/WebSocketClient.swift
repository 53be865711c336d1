import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A WebSocket client (RFC 6455) on a POSIX socket, just enough to talk to Chromium's DevTools:
/// the opening handshake with its `Sec-WebSocket-Accept` check, masked text frames from the
/// client, and unmasked frames from the server with 7-, 16- and 64-bit lengths, messages split
/// over continuation frames, pings answered with pongs, and the close frame.
///
/// Test support only: the product serves HTTP and server-sent events and never speaks WebSocket.
final class WebSocketClient {
    /// Why a connection failed or ended.
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// A frame's opcode (RFC 6455 section 5.2).
    enum Opcode: UInt8 {
        case continuation = 0x0, text = 0x1, binary = 0x2, close = 0x8, ping = 0x9, pong = 0xA
    }

    private let descriptor: Int32
    /// Bytes received but not yet taken by a frame.
    private var buffer: [UInt8] = []

    /// A client on a socket that has already completed the handshake (the tests use a socket pair).
    init(connectedSocket descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Connects to `ws://127.0.0.1:port/path` and completes the opening handshake.
    convenience init(port: Int, path: String, timeout seconds: Int = 30) throws {
        let descriptor = try Self.connectLoopback(port: port, timeout: seconds)
        self.init(connectedSocket: descriptor)
        try handshake(host: "127.0.0.1:\(port)", path: path)
    }

    /// A TCP connection to 127.0.0.1:`port` whose reads give up after `seconds`.
    static func connectLoopback(port: Int, timeout seconds: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw Failure("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw Failure("cannot connect to 127.0.0.1:\(port): \(reason)")
        }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return descriptor
    }

    /// The body of `GET path` from 127.0.0.1:`port` (HTTP/1.1, `Connection: close`; DevTools' `/json/list`).
    static func httpGet(port: Int, path: String) throws -> String {
        let client = WebSocketClient(connectedSocket: try connectLoopback(port: port, timeout: 10))
        try client.write(Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8))
        while (try? client.receiveMore()) != nil {}
        let text = String(decoding: client.buffer, as: UTF8.self)
        return text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
    }

    deinit { close(descriptor) }

    /// The client's opening handshake (section 4.1): a GET with a random key, answered by
    /// `101 Switching Protocols` whose `Sec-WebSocket-Accept` is the key's SHA-1 with the RFC's GUID.
    private func handshake(host: String, path: String) throws {
        let key = Data((0..<16).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        let request = "GET \(path) HTTP/1.1\r\nHost: \(host)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: \(key)\r\nSec-WebSocket-Version: 13\r\n\r\n"
        try write(Array(request.utf8))
        let end: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        while headEnd == nil {
            try receiveMore()
            headEnd = buffer.count < 4 ? nil : (0...(buffer.count - 4)).first { buffer[$0..<$0 + 4].elementsEqual(end) }
            if buffer.count > 65536 { throw Failure("the handshake answer has no end") }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd! + 4)   // what follows the head is already frames
        let lines = head.components(separatedBy: "\r\n")
        guard let status = lines.first, status.split(separator: " ").dropFirst().first == "101" else {
            throw Failure("the server refused the WebSocket upgrade: \(lines.first ?? "")")
        }
        let expected = Data(SHA1.digest(Array((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8))).base64EncodedString()
        let accept = lines.dropFirst().first { $0.lowercased().hasPrefix("sec-websocket-accept:") }
            .map { $0.dropFirst("sec-websocket-accept:".count).trimmingCharacters(in: .whitespaces) }
        guard accept == expected else { throw Failure("Sec-WebSocket-Accept is \(accept ?? "missing"), expected \(expected)") }
    }

    /// Sends `text` as one masked text frame.
    func send(_ text: String) throws {
        try write(Self.frame(.text, payload: Array(text.utf8), mask: (0..<4).map { _ in UInt8.random(in: 0...255) }))
    }

    /// The next complete text message, its fragments joined; pings are answered on the way.
    func receiveText() throws -> String {
        var message: [UInt8] = []
        var inMessage = false
        while true {
            let (fin, opcode, payload) = try receiveFrame()
            switch opcode {
            case .text, .binary:
                guard !inMessage else { throw Failure("a new message began inside a fragmented one") }
                message = payload
                inMessage = true
            case .continuation:
                guard inMessage else { throw Failure("a continuation frame outside a message") }
                message += payload
            case .ping:
                try write(Self.frame(.pong, payload: payload, mask: (0..<4).map { _ in UInt8.random(in: 0...255) }))
                continue
            case .pong:
                continue
            case .close:
                throw Failure("the server closed the connection")
            }
            if fin { return String(decoding: message, as: UTF8.self) }
        }
    }

    /// One frame as the server sends it: FIN, opcode and the unmasked payload.
    func receiveFrame() throws -> (fin: Bool, opcode: Opcode, payload: [UInt8]) {
        let head = try take(2)
        guard let opcode = Opcode(rawValue: head[0] & 0x0F) else { throw Failure("unknown opcode \(head[0] & 0x0F)") }
        guard head[0] & 0x70 == 0 else { throw Failure("reserved bits set without an extension") }
        guard head[1] & 0x80 == 0 else { throw Failure("a frame from the server is masked") }
        var length = UInt64(head[1] & 0x7F)
        if length == 126 {
            length = try take(2).reduce(0) { $0 << 8 | UInt64($1) }
        } else if length == 127 {
            length = try take(8).reduce(0) { $0 << 8 | UInt64($1) }
        }
        guard length < 1 << 31 else { throw Failure("a frame of \(length) bytes") }
        return (head[0] & 0x80 != 0, opcode, try take(Int(length)))
    }

    /// A frame with `payload`: masked with `mask` (4 bytes) as a client must, unmasked for nil.
    static func frame(_ opcode: Opcode, payload: [UInt8], fin: Bool = true, mask: [UInt8]?) -> [UInt8] {
        var bytes: [UInt8] = [(fin ? 0x80 : 0) | opcode.rawValue]
        let maskBit: UInt8 = mask == nil ? 0 : 0x80
        switch payload.count {
        case ..<126:
            bytes.append(maskBit | UInt8(payload.count))
        case ..<65536:
            bytes.append(maskBit | 126)
            bytes += [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default:
            bytes.append(maskBit | 127)
            bytes += (0..<8).reversed().map { UInt8(UInt64(payload.count) >> (8 * UInt64($0)) & 0xFF) }
        }
        guard let mask else { return bytes + payload }
        return bytes + mask + payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
    }

    private func take(_ count: Int) throws -> [UInt8] {
        while buffer.count < count { try receiveMore() }
        defer { buffer.removeFirst(count) }
        return Array(buffer[..<count])
    }

    private func receiveMore() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count > 0 { buffer += chunk[..<count]; return }
            if count < 0 && errno == EINTR { continue }
            throw Failure(count == 0 ? "the connection closed" : "recv: \(String(cString: strerror(errno)))")
        }
    }

    private func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw Failure("send: \(String(cString: strerror(errno)))") }
            offset += written
        }
    }
}

/// SHA-1 (FIPS 180-4), for the handshake's `Sec-WebSocket-Accept` only.
enum SHA1 {
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]
        var data = message + [0x80]
        while data.count % 64 != 56 { data.append(0) }
        data += (0..<8).reversed().map { UInt8((UInt64(message.count) * 8) >> (8 * UInt64($0)) & 0xFF) }
        for start in stride(from: 0, to: data.count, by: 64) {
            var w = (0..<16).map { i in data[start + 4 * i..<start + 4 * i + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
            for i in 16..<80 { w.append((w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotatedLeft(1)) }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for i in 0..<80 {
                let (f, k): (UInt32, UInt32) = switch i {
                case ..<20: ((b & c) | (~b & d), 0x5A827999)
                case ..<40: (b ^ c ^ d, 0x6ED9EBA1)
                case ..<60: ((b & c) | (b & d) | (c & d), 0x8F1BBCDC)
                default: (b ^ c ^ d, 0xCA62C1D6)
                }
                let next = a.rotatedLeft(5) &+ f &+ e &+ k &+ w[i]
                (e, d, c, b, a) = (d, c, b.rotatedLeft(30), a, next)
            }
            h = [h[0] &+ a, h[1] &+ b, h[2] &+ c, h[3] &+ d, h[4] &+ e]
        }
        return h.flatMap { word in (0..<4).reversed().map { UInt8(word >> (8 * UInt32($0)) & 0xFF) } }
    }
}

private extension UInt32 {
    func rotatedLeft(_ count: UInt32) -> UInt32 { self << count | self >> (32 - count) }
}
