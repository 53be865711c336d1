import Foundation
import Testing
@testable import Literate

@Suite("Search")
struct RenderSearchTests {
    @Test func theIndexHoldsEverySectionWithItsLinkAndNumberedTitles() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")
        try SiteRenderer().render(paths: [RenderFixtures.folder.appendingPathComponent("references").path], output: site.path)

        let index = try RenderFixtures.read("search-index.js", in: site)
        #expect(index.hasPrefix("// The search index of this site"))
        #expect(index.contains("\nwindow.swiftbookSearchIndex = [{"))
        #expect(index.contains(#"{"chapter":"1 Introduction","text":"We write x for an input. Figure 2.1 draws the network.","title":"1.1 Notation","url":"intro.html#notation"}"#))
        #expect(index.contains(#"{"chapter":"2 The Model","text":"Minimise Equation (2.1).","title":"2.2 Training","url":"model.html#training"}"#))
        #expect(index.occurrences(of: #""url":"#) == 6)
    }

    @Test func everyPageHasASearchFormAndOnlyTheSearchPageLoadsScripts() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")
        try SiteRenderer().render(paths: [RenderFixtures.folder.appendingPathComponent("references").path], output: site.path)

        for page in ["index.html", "intro.html", "model.html", "search.html"] {
            let html = try RenderFixtures.read(page, in: site)
            #expect(html.contains(#"<form class="search-form" action="search.html" method="get" role="search"><input type="search" name="q""#))
            #expect(html.contains("<script") == (page == "search.html"))
        }
        let search = try RenderFixtures.read("search.html", in: site)
        #expect(search.contains("<script src=\"search-index.js\"></script>\n<script src=\"search.js\"></script>"))
        let script = try RenderFixtures.read("search.js", in: site)
        #expect(script.contains(#"new URLSearchParams(window.location.search).get("q")"#))
        #expect(!script.contains("innerHTML") && !script.contains("fetch("))
    }

    @Test func sectionsSplitAtHeadingsAndLeaveCodeOut() throws {
        let body = try RenderFixtures.body(of: "features.md")
        #expect(body.sections.map(\.anchor) == ["features-of-the-renderer", "links", "cells", "raw-html", "cells-1"])
        #expect(body.sections[0].text.hasPrefix("This chapter exercises every rendering rule. Inline math a_1 * b_2 * c stays"))
        #expect(!body.sections.contains { $0.text.contains("HIDDEN-CELL") || $0.text.contains("greeting") })
    }

    @Test func paragraphsAndListItemsAreSeparatedBySpaces() throws {
        let source = try ChapterSource(loading: RenderFixtures.folder.appendingPathComponent("search/lists.md").path)
        let body = ChapterBody(source: source, pageNames: [:], allowRawHTML: false)
        #expect(body.sections == [SearchSection(anchor: "lists", title: "Lists", text: "First item. Second item, on two lines. Quoted. More.")])
    }
}
