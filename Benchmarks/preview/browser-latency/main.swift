// The browser-observed half of Benchmarks/preview/bench.sh: a page of a running preview, open in
// headless Chromium, and the time from a save to the saved text being in that page's DOM.
//
// Built by bench.sh with swiftc together with the test suite's DevTools client
// (Tests/LiterateTests/DevTools: the same WebSocket and Chromium code the browser tests use).
// Usage: browser-latency URL CHAPTER_FILE ROUNDS
//   URL           the chapter's page, e.g. http://127.0.0.1:8000/custom-layers.html
//   CHAPTER_FILE  the chapter the preview serves there, edited in place as bench.sh edits it
// Prints one line per round and kind, "browser prose|cell SECONDS"; bench.sh takes the medians.
import Foundation

/// Opens `url`, then for each round saves a new sentence and a new cell line into `chapter`.
func measure(_ chromium: Chromium, url: String, chapter: URL, rounds: Int) throws {
    let page = try chromium.firstPage()
    try page.open(url)

    /// Saves the chapter with `edit` applied to its lines; the seconds until `marker` is in the page.
    func round(_ marker: String, _ edit: (inout [Substring]) -> Void) throws -> Double {
        guard try page.reloadStreamOpened(seconds: 60) else { throw WebSocketClient.Failure("the page's reload stream did not open") }
        var lines = try String(contentsOf: chapter, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        edit(&lines)
        let saved = Date()
        // Written in place (truncate, then write), as bench.sh's `cat new > file` does.
        try Data(lines.joined(separator: "\n").utf8).write(to: chapter)
        let shown = try page.poll("String(document.body.innerText.includes(\"\(marker)\"))", seconds: 60, interval: 0.005) {
            $0 as? String == "true"
        }
        guard shown as? String == "true" else { throw WebSocketClient.Failure("'\(marker)' never appeared in the page") }
        return Date().timeIntervalSince(saved)
    }

    for number in 1...rounds {
        let sentence = "Browser sentence number \(number)-\(Int.random(in: 0..<100_000))."
        let prose = try round(sentence) { $0.insert(Substring(sentence), at: min(2, $0.count)) }
        print(String(format: "browser prose %.3f", prose))
        Thread.sleep(forTimeInterval: 0.3)
        let marker = "browser-\(number)-\(Int.random(in: 0..<100_000))"
        let cell = try round(marker) { lines in
            let fence = lines.firstIndex { $0.hasPrefix("```swift") } ?? 0
            lines.insert(Substring("print(\"\(marker)\")"), at: fence + 1)
        }
        print(String(format: "browser cell %.3f", cell))
        Thread.sleep(forTimeInterval: 0.3)
    }
}

let arguments = CommandLine.arguments
var status: Int32 = 0
if arguments.count != 4 || Int(arguments[3]) == nil {
    FileHandle.standardError.write(Data("usage: browser-latency URL CHAPTER_FILE ROUNDS\n".utf8))
    status = 2
} else if let browser = Chromium.executable {
    do {
        let chromium = try Chromium(executable: browser)
        do {
            try measure(chromium, url: arguments[1], chapter: URL(fileURLWithPath: arguments[2]), rounds: Int(arguments[3])!)
        } catch {
            FileHandle.standardError.write(Data("browser-latency: error: \(error)\n".utf8))
            status = 1
        }
        chromium.stop()
    } catch {
        FileHandle.standardError.write(Data("browser-latency: error: \(error)\n".utf8))
        status = 1
    }
} else {
    FileHandle.standardError.write(Data("browser-latency: error: no Chromium (chromium, chromium-browser, google-chrome or SWIFTBOOK_CHROMIUM)\n".utf8))
    status = 2
}
exit(status)
