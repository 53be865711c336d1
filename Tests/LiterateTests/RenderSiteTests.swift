import Foundation
import Testing
@testable import Literate

@Suite("Rendering a site")
struct RenderSiteTests {
    /// The chapter titles of an index page, in the order listed.
    func indexTitles(_ html: String) -> [String] {
        html.matches(of: /<li><a href="[^"]*">([^<]*)<\/a>/).map { String($0.output.1) }
    }

    @Test func theIndexFollowsTheOrderFileThenListsUnlistedChaptersByName() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let chapters = try RenderFixtures.copy("ordered", into: scratch)
        let site = scratch.appendingPathComponent("site")

        let pages = try SiteRenderer().render(paths: [chapters.path], output: site.path)

        #expect(pages == ["second.html", "first.html", "third.html"])
        let index = try RenderFixtures.read("index.html", in: site)
        #expect(indexTitles(index) == ["The Second File", "The First File", "The Unlisted File"])
        #expect(index.contains(#"<a href="second.html">The Second File</a>"#))
        #expect(index.contains(#"<p class="summary">Read this one first.</p>"#))
    }

    @Test func withoutAnOrderFileChaptersAreSortedByFileName() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")

        try SiteRenderer().render(paths: [RenderFixtures.folder.appendingPathComponent("unordered").path], output: site.path)

        let index = try RenderFixtures.read("index.html", in: site)
        #expect(indexTitles(index) == ["Alpha", "Bravo", "Charlie"])
        let files = try FileManager.default.contentsOfDirectory(atPath: site.path).sorted()
        #expect(files == [".swiftbook-site", "a-first.html", "b-second.html", "c-third.html", "index.html",
                          "search-index.js", "search.html", "search.js", "style.css"])
    }

    @Test func pagesLinkToThePreviousAndNextChapter() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")
        try SiteRenderer().render(paths: [RenderFixtures.folder.appendingPathComponent("ordered").path], output: site.path)

        let first = try RenderFixtures.read("second.html", in: site)
        let middle = try RenderFixtures.read("first.html", in: site)
        let last = try RenderFixtures.read("third.html", in: site)
        #expect(!first.contains(#"rel="prev""#))
        #expect(first.contains(#"<a class="next" rel="next" href="first.html"><span>Next</span>The First File</a>"#))
        #expect(middle.contains(#"rel="prev" href="second.html""#))
        #expect(middle.contains(#"rel="next" href="third.html""#))
        #expect(last.contains(#"rel="prev" href="first.html""#))
        #expect(!last.contains(#"rel="next""#))
        // Cross-chapter links inside the text point at pages too.
        #expect(first.contains(#"<a href="first.html#the-first-file">the first file</a>"#))
    }

    @Test func pagesUseOnlyTheOwnStylesheetAndNoScripts() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")
        try SiteRenderer().render(paths: [RenderFixtures.folder.appendingPathComponent("unordered").path], output: site.path)

        for page in ["index.html", "a-first.html", "c-third.html"] {
            let html = try RenderFixtures.read(page, in: site)
            #expect(html.contains(#"<link rel="stylesheet" href="style.css">"#))
            #expect(!html.contains("<script"))
            #expect(!html.contains("http://") && !html.contains("https://"))
        }
        let css = try RenderFixtures.read("style.css", in: site)
        #expect(css.contains("prefers-color-scheme: dark"))
        #expect(css.contains("@media print"))
        #expect(!css.contains("@import") && !css.contains("url("))
    }

    @Test func renderingAgainReplacesTheSiteAndRemovesStalePages() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let chapters = try RenderFixtures.copy("unordered", into: scratch)
        let site = scratch.appendingPathComponent("site")
        try SiteRenderer().render(paths: [chapters.path], output: site.path)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("b-second.html").path))

        try FileManager.default.removeItem(at: chapters.appendingPathComponent("b-second.md"))
        try SiteRenderer().render(paths: [chapters.path], output: site.path)

        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("b-second.html").path))
        #expect(indexTitles(try RenderFixtures.read("index.html", in: site)) == ["Alpha", "Charlie"])
        // No staging or retired folders are left next to the site.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["site", "unordered"])
    }

    @Test func aForeignNonEmptyFolderIsRefusedAndLeftUntouched() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let foreign = scratch.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: foreign.appendingPathComponent("notes.txt"))

        #expect {
            try SiteRenderer().render(paths: [RenderFixtures.folder.appendingPathComponent("unordered").path], output: foreign.path)
        } throws: { error in
            String(describing: error).contains("\(foreign.path): error: refusing to replace a folder that is not empty and was not made by swiftbook")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign.path) == ["notes.txt"])
    }

    @Test func theChaptersFolderAndTheRootAreRefused() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let chapters = try RenderFixtures.copy("unordered", into: scratch)
        // Even with a marker planted, a site may not replace the chapters or a folder holding them.
        try Data().write(to: chapters.appendingPathComponent(SiteOutput.markerFileName))

        for output in [chapters.path, scratch.path, "/"] {
            #expect(throws: RenderFailure.self) {
                try SiteRenderer().render(paths: [chapters.path], output: output)
            }
        }
        #expect(FileManager.default.fileExists(atPath: chapters.appendingPathComponent("a-first.md").path))
    }

    @Test func orderFileMistakesAreReportedAtTheirLines() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let chapters = try RenderFixtures.copy("ordered", into: scratch)
        let order = chapters.appendingPathComponent("ORDER")
        try Data("first.md\n  missing.md\nfirst.md\n".utf8).write(to: order)

        #expect {
            try SiteRenderer().render(paths: [chapters.path], output: scratch.appendingPathComponent("site").path)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("\(order.path):2:3: error: 'missing.md' is not a .md file")
                && text.contains("\(order.path):3:1: error: 'first.md' is listed twice")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("site").path))
    }

    @Test func pageNamesComeFromSanitisedBaseNames() {
        #expect(PageNames.pageName(forChapterFile: "custom-layers.md") == "custom-layers.html")
        #expect(PageNames.pageName(forChapterFile: "../../etc/passwd.md") == "etc-passwd.html")
        #expect(PageNames.pageName(forChapterFile: "Über uns.md") == "ber-uns.html")
        #expect(PageNames.pageName(forChapterFile: ".hidden.md") == "hidden.html")
        #expect(PageNames.pageName(forChapterFile: "index.md") == "index-chapter.html")
    }
}
