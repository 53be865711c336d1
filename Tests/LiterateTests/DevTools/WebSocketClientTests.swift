import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The WebSocket client against frames written by hand, as a server sends them (these run
/// without a browser).
@Suite struct WebSocketFrameTests {
    /// A client on one end of a socket pair; the test writes server frames into the other end.
    func pair() throws -> (WebSocketClient, Int32) {
        var ends: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
        return (WebSocketClient(connectedSocket: ends[0]), ends[1])
    }

    static func write(_ descriptor: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            offset += written
        }
    }

    @Test func readsUnmaskedFramesOfEveryLengthEncoding() throws {
        let (client, server) = try pair()
        defer { close(server) }
        for length in [0, 5, 125, 126, 300, 65535, 65536, 200_000] {
            let text = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            let frame = WebSocketClient.frame(.text, payload: Array(text.utf8), mask: nil)
            // 7-bit lengths up to 125, then 126 and two bytes, then 127 and eight.
            #expect(frame[1] == (length < 126 ? UInt8(length) : length < 65536 ? 126 : 127))
            let writer = Thread { Self.write(server, frame) }
            writer.start()
            #expect(try client.receiveText() == text, "length \(length)")
        }
    }

    @Test func joinsContinuationFramesAndAnswersPings() throws {
        let (client, server) = try pair()
        defer { close(server) }
        Self.write(server, WebSocketClient.frame(.text, payload: Array(#"{"id":"#.utf8), fin: false, mask: nil)
            + WebSocketClient.frame(.ping, payload: Array("hi".utf8), mask: nil)
            + WebSocketClient.frame(.continuation, payload: Array("1,".utf8), fin: false, mask: nil)
            + WebSocketClient.frame(.continuation, payload: Array(#""ok":true}"#.utf8), mask: nil))
        #expect(try client.receiveText() == #"{"id":1,"ok":true}"#)
        // The ping was answered with a masked pong carrying its payload.
        var reply = [UInt8](repeating: 0, count: 16)
        let count = read(server, &reply, reply.count)
        #expect(count == 8 && reply[0] == 0x8A && reply[1] == 0x82)
        #expect(zip(reply[6..<8], reply[2..<4]).map { $0 ^ $1 } == Array("hi".utf8))
    }

    @Test func sendsMaskedTextFrames() throws {
        let (client, server) = try pair()
        defer { close(server) }
        // 70,000 bytes need the 64-bit length; the socket pair buffers them all, so no reader thread is needed.
        let text = String(repeating: "swift", count: 14_000)
        try client.send(text)
        var frame: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while frame.count < 14 + text.utf8.count {
            let count = read(server, &chunk, chunk.count)
            guard count > 0 else { break }
            frame += chunk[..<count]
        }
        try #require(frame.count == 14 + text.utf8.count)
        #expect(frame[0] == 0x81, "FIN and the text opcode")
        #expect(frame[1] == 0x80 | 127, "the mask bit and a 64-bit length")
        #expect(frame[2..<10].reduce(0) { $0 << 8 | Int($1) } == text.utf8.count)
        let mask = Array(frame[10..<14])
        let payload = frame[14...].enumerated().map { $0.element ^ mask[$0.offset % 4] }
        #expect(payload == Array(text.utf8))
    }

    @Test func aMaskedFrameFromTheServerIsRefused() throws {
        let (client, server) = try pair()
        defer { close(server) }
        Self.write(server, WebSocketClient.frame(.text, payload: Array("no".utf8), mask: [1, 2, 3, 4]))
        #expect(throws: WebSocketClient.Failure.self) { try client.receiveText() }
    }

    @Test func sha1OfTheRFCExample() {
        // RFC 6455 section 1.3: the key dGhlIHNhbXBsZSBub25jZQ== is accepted as s3pPLMBiTxaQ9kYGzzhZRbK+xOo=.
        let digest = SHA1.digest(Array("dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11".utf8))
        #expect(Data(digest).base64EncodedString() == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(Data(SHA1.digest([])).map { String(format: "%02x", $0) }.joined() == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    }
}
