import Foundation
import Testing
@testable import Literate

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

    /// Opens `first.html` of a served scratch book in a fresh browser and runs `body`.
    func withPage(_ body: (PreviewBook, DevToolsPage) throws -> Void) throws {
        let browser = try #require(Chromium.executable,
            "SWIFTBOOK_REQUIRE_BROWSER=1 but no Chromium was found (chromium, chromium-browser, google-chrome or SWIFTBOOK_CHROMIUM)")
        let book = try PreviewBook()
        defer { book.remove() }
        let chromium = try Chromium(executable: browser)
        defer { chromium.stop() }
        let page = try chromium.firstPage()
        try page.open("http://127.0.0.1:\(book.port)/first.html")
        let first = try page.poll(Self.answerOutput, seconds: 60) { $0 as? String == "the answer is 21" }
        try #require(first as? String == "the answer is 21", "the page never showed the first output: \(String(describing: first))")
        try body(book, page)
    }

    /// Waits until the page's reload stream is open and the preview holds it.
    func waitForReloadStream(_ page: DevToolsPage, _ book: PreviewBook) throws {
        try #require(try page.reloadStreamOpened(seconds: 30), "the page's EventSource did not open")
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
