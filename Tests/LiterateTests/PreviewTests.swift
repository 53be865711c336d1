import Foundation
import Testing
@testable import Literate
#if canImport(Glibc)
import Glibc
#endif

/// `swiftbook preview` as an author uses it: a served scratch book, edited on disk.
@Suite("Preview", .serialized)
struct PreviewTests {
    @Test func servesThePagesWithTheReloadScriptThatRenderNeverWrites() throws {
        let book = try PreviewBook()
        defer { book.remove() }
        let index = RawHTTP.get(book.port, "/")
        #expect(index.status == 200)
        #expect(index.body.contains("First steps") && index.body.contains(ReloadScript.marker))
        let page = RawHTTP.get(book.port, "/first.html")
        #expect(page.status == 200)
        #expect(page.body.contains(ReloadScript.marker))
        // The fresh output is in the page, though the chapter has no output block.
        #expect(page.body.contains("the answer is 21"))
        #expect(try !String(contentsOf: book.chapter("first.md"), encoding: .utf8).contains("```output"))
        #expect(RawHTTP.get(book.port, "/style.css").status == 200)

        let site = book.folder.appendingPathComponent("site")
        try SiteRenderer().render(paths: [book.folder.appendingPathComponent("Chapters").path], output: site.path)
        for name in try FileManager.default.contentsOfDirectory(atPath: site.path) where !name.hasPrefix(".") {
            let text = try String(contentsOf: site.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains(ReloadScript.marker) && !text.contains(ReloadScript.eventsPath), "\(name)")
        }
    }

    @Test func requestsOutsideTheSiteGet404() throws {
        let book = try PreviewBook()
        defer { book.remove() }
        for target in ["/../Chapters/first.md", "/..%2fChapters%2ffirst.md", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                       "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "//etc/passwd", "/%2fetc%2fpasswd", "/./first.html",
                       "http://127.0.0.1/etc/passwd", "/first.md", "/ORDER", "/..\\first.md", "/%c0%ae%c0%ae/etc/passwd",
                       "/cache", "/no-such-page.html"] {
            let reply = RawHTTP.get(book.port, target)
            #expect(reply.status == 404, "\(target)")
            #expect(!reply.body.contains("root:") && !reply.body.contains("First steps"), "\(target)")
        }
        #expect(RawHTTP.get(book.port, "/first.html?x=1#top").status == 200)
    }

    @Test func aSaveReloadsTheTabAndShowsTheFreshOutputWithoutWritingTheChapter() throws {
        let book = try PreviewBook()
        defer { book.remove() }
        let firstTab = RawHTTP.events(book.port, page: "first.html")
        let secondTab = RawHTTP.events(book.port, page: "second.html")
        defer { close(firstTab); close(secondTab) }
        let edited = try String(contentsOf: book.chapter("first.md"), encoding: .utf8).replacingOccurrences(of: "20 + 1", with: "40 + 2")
        try book.save("first.md", edited)
        let stream = RawHTTP.read(firstTab, until: "data: first.html", seconds: 60)
        #expect(stream.contains("event: reload\ndata: first.html\n"))
        #expect(RawHTTP.get(book.port, "/first.html").body.contains("the answer is 42"))
        #expect(try String(contentsOf: book.chapter("first.md"), encoding: .utf8) == edited)
        // The other chapter's page did not change, so its tab is left alone.
        #expect(!RawHTTP.read(secondTab, until: "data:", seconds: 0.5).contains("data:"))
    }

    @Test func aFailingCellIsShownAtTheCellUntilTheNextGoodSave() throws {
        let book = try PreviewBook()
        defer { book.remove() }
        let tab = RawHTTP.events(book.port, page: "first.html")
        defer { close(tab) }
        let original = try String(contentsOf: book.chapter("first.md"), encoding: .utf8)
        try book.save("first.md", original.replacingOccurrences(of: "let answer = 20 + 1", with: "let answer = [1, 2][5]"))
        _ = RawHTTP.read(tab, until: "data: first.html", seconds: 60)
        let page = RawHTTP.get(book.port, "/first.html").body
        #expect(page.contains("cell-failure"))
        #expect(page.contains("first.md:6:"), "the chapter's line of the trapping code")
        #expect(page.contains("Index out of range"))
        #expect(page.contains("This paragraph stays readable"))

        try book.save("first.md", original.replacingOccurrences(of: "20 + 1", with: "30 + 3"))
        _ = RawHTTP.read(tab, until: "data: first.html", seconds: 60)
        let fixed = RawHTTP.get(book.port, "/first.html").body
        #expect(!fixed.contains("cell-failure"))
        #expect(fixed.contains("the answer is 33"))
    }

    @Test func changingTheOrderReordersTheIndexAndReloadsIt() throws {
        let book = try PreviewBook()
        defer { book.remove() }
        let tab = RawHTTP.events(book.port, page: "index.html")
        defer { close(tab) }
        let before = RawHTTP.get(book.port, "/").body
        #expect(before.range(of: "First steps")!.lowerBound < before.range(of: "Second chapter")!.lowerBound)
        try book.save("ORDER", "second.md\nfirst.md\n")
        #expect(RawHTTP.read(tab, until: "data: index.html", seconds: 60).contains("data: index.html"))
        let after = RawHTTP.get(book.port, "/").body
        #expect(after.range(of: "Second chapter")!.lowerBound < after.range(of: "First steps")!.lowerBound)
    }

    @Test func writeRecordsTheOutputsAsRunDoes() throws {
        let book = try PreviewBook(write: true)
        defer { book.remove() }
        let text = try String(contentsOf: book.chapter("first.md"), encoding: .utf8)
        #expect(text.contains("```output\nthe answer is 21\n```"))
        #expect(RawHTTP.get(book.port, "/first.html").body.contains("the answer is 21"))
    }

    @Test func aTakenPortIsAClearError() throws {
        let book = try PreviewBook()
        defer { book.remove() }
        let options = PreviewOptions(paths: [book.folder.appendingPathComponent("Chapters").path], port: book.port,
                                     engine: CLI.buildFolder.path)
        do {
            _ = try PreviewSession(options: options, log: { _ in })
            Issue.record("a second preview on port \(book.port) started")
        } catch {
            let text = String(describing: error)
            #expect(text.contains("port \(book.port) is already in use") && text.contains("--port"), "\(text)")
        }
    }

    @Test func siteNamesRefuseTraversal() {
        #expect(SitePath.resolve("/") == "index.html")
        #expect(SitePath.resolve("/img/plot%20one.svg?v=2") == "img/plot one.svg")
        #expect(SitePath.resolve("/img/%2e%2e/%2e%2e/secret") == nil)
        #expect(SitePath.resolve("/a%zz") == nil)
        #expect(SitePath.resolve("/a%00b") == nil)
    }

    @Test func sigtermStopsThePreviewAndItsChapterPrograms() throws {
        let cli = try CLI("slow.md")
        defer { cli.remove() }
        let (process, _, err) = try cli.start(["preview", "Chapters", "--port", "0", "--cache-dir", cli.folder.appendingPathComponent("cache").path])
        let pid = process.processIdentifier
        // The first round runs the slow chapter; stop the preview while its program sleeps.
        let deadline = Date().addingTimeInterval(120)
        var programs: [String] = []
        while Date() < deadline && programs.isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
            programs = Self.processes(under: pid)
        }
        #expect(!programs.isEmpty, "the chapter program never started")
        kill(pid, SIGTERM)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGTERM, "\(stderr)")
        Thread.sleep(forTimeInterval: 0.2)
        #expect(Self.processes(under: pid).isEmpty)
        let temporary = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
        #expect(!temporary.contains { $0.hasPrefix("swiftbook-\(pid)-") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.appendingPathComponent("Chapters").path) == ["slow.md"])
    }

    /// Processes whose command line names a work folder of the swiftbook process `pid`.
    static func processes(under pid: Int32) -> [String] {
        let prefix = FileManager.default.temporaryDirectory.path + "/swiftbook-\(pid)-"
        return ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { Int($0) != nil }.filter { entry in
            let command = (try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8)) ?? ""
            return command.contains(prefix)
        }
    }
}
