import Foundation
import Testing
@testable import Literate
#if canImport(Glibc)
import Glibc
#endif

/// `swiftbook preview` end to end in headless Chromium: a page served by the preview shows a
/// cell's new output after the chapter is saved, with nobody asking it to reload.
///
/// The page is driven over the Chrome DevTools Protocol (`DevTools/`). Skipped, with the reason,
/// when no Chromium is installed; with `SWIFTBOOK_REQUIRE_BROWSER=1` (Scripts/test) a missing
/// browser is a failure instead.
@Suite("Preview in a browser", .serialized,
       .enabled(if: Chromium.testsRun, "no Chromium found (chromium, chromium-browser, google-chrome or SWIFTBOOK_CHROMIUM); Scripts/setup-system --browser installs it"))
struct PreviewBrowserTests {
    /// The text of the output under the cell that computes `answer`, prefixed `failure: ` when it
    /// is the preview's failure box; null while the page has no such cell.
    static let answerOutput = """
        (() => {
          const cell = [...document.querySelectorAll("div.cell")].find(c => c.querySelector("pre.code").textContent.includes("let answer"));
          const output = cell && cell.querySelector("pre.output");
          return output ? (output.classList.contains("cell-failure") ? "failure: " : "") + output.textContent : null;
        })()
        """

    /// Records the page's EventSource objects, so the test can wait until the reload stream is
    /// open before it saves (a save before that would find no tab to reload). Runs before the
    /// page's own scripts on every load; it only watches.
    static let watchEventSources = """
        window.__eventSources = [];
        const OriginalEventSource = window.EventSource;
        window.EventSource = function (url) {
          const source = new OriginalEventSource(url);
          window.__eventSources.push(source);
          return source;
        };
        """

    /// Opens `first.html` of a served scratch book in a fresh browser and runs `body`.
    func withPage(_ body: (PreviewBook, DevToolsPage) throws -> Void) throws {
        let browser = try #require(Chromium.executable,
            "SWIFTBOOK_REQUIRE_BROWSER=1 but no Chromium was found (chromium, chromium-browser, google-chrome or SWIFTBOOK_CHROMIUM)")
        let book = try PreviewBook()
        defer { book.remove() }
        let chromium = try Chromium(executable: browser)
        defer { chromium.stop() }
        let page = try chromium.firstPage()
        try page.call("Page.addScriptToEvaluateOnNewDocument", ["source": Self.watchEventSources])
        try page.call("Page.navigate", ["url": "http://127.0.0.1:\(book.port)/first.html"])
        let first = try page.poll(Self.answerOutput, seconds: 60) { $0 as? String == "the answer is 21" }
        try #require(first as? String == "the answer is 21", "the page never showed the first output: \(String(describing: first))")
        try body(book, page)
    }

    /// Waits until the page's reload stream is open and the preview holds it.
    func waitForReloadStream(_ page: DevToolsPage, _ book: PreviewBook) throws {
        let state = try page.poll("window.__eventSources.map(s => s.readyState).join()", seconds: 30) { $0 as? String == "1" }
        try #require(state as? String == "1", "the page's EventSource did not open (readyState \(String(describing: state)))")
        let deadline = Date().addingTimeInterval(10)
        while book.session.hub.count == 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        try #require(book.session.hub.count > 0, "the preview holds no event stream")
    }

    @Test func aSavedCellShowsItsNewOutputInTheOpenPage() throws {
        try withPage { book, page in
            try waitForReloadStream(page, book)
            #expect(try page.evaluate("window.__before = 1; typeof window.__before") as? String == "number")
            let edited = try String(contentsOf: book.chapter("first.md"), encoding: .utf8)
                .replacingOccurrences(of: "20 + 1", with: "40 + 2")
            try book.save("first.md", edited)
            let shown = try page.poll(Self.answerOutput, seconds: 30) { $0 as? String == "the answer is 42" }
            #expect(shown as? String == "the answer is 42", "the new output did not appear within 30 s")
            // The marker set before the save is gone: the page loaded itself again.
            #expect(try page.evaluate("typeof window.__before") as? String == "undefined")
            #expect(try String(contentsOf: book.chapter("first.md"), encoding: .utf8) == edited, "the preview wrote the chapter")
        }
    }

    @Test func aCompileErrorIsShownAtItsCellUntilTheNextGoodSave() throws {
        try withPage { book, page in
            let original = try String(contentsOf: book.chapter("first.md"), encoding: .utf8)
            try waitForReloadStream(page, book)
            try book.save("first.md", original.replacingOccurrences(of: "let answer = 20 + 1", with: "let answer: Int = \"no\""))
            let failure = try page.poll(Self.answerOutput, seconds: 30) { ($0 as? String)?.hasPrefix("failure: ") == true }
            let text = failure as? String ?? ""
            #expect(text.hasPrefix("failure: "), "no failure at the cell: \(text)")
            #expect(text.contains("first.md:6:"), "the chapter's line of the error: \(text)")
            #expect(text.contains("cannot convert value of type 'String' to specified type 'Int'"), "\(text)")
            #expect(try page.evaluate("String(document.body.innerText.includes('This paragraph stays readable'))") as? String == "true")

            try waitForReloadStream(page, book)
            try book.save("first.md", original.replacingOccurrences(of: "20 + 1", with: "30 + 3"))
            let fixed = try page.poll(Self.answerOutput, seconds: 30) { $0 as? String == "the answer is 33" }
            #expect(fixed as? String == "the answer is 33", "the good save did not replace the error: \(String(describing: fixed))")
            #expect(try page.evaluate("String(document.querySelectorAll('.cell-failure').length)") as? String == "0")
        }
    }
}

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
