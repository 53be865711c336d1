import Testing
@testable import Literate

@Suite("Rendering one chapter")
struct RenderChapterTests {
    @Test func scriptTagsInCodeOutputAndRawHTMLAreEscaped() throws {
        let html = try RenderFixtures.body(of: "features.md").html
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))              // in code
        #expect(html.contains("&lt;script&gt;alert(&quot;output&quot;)&lt;/script&gt;")) // in output
        #expect(html.contains("&lt;div class=&quot;note&quot;&gt;&lt;script&gt;alert(&quot;raw&quot;)")) // raw block
        #expect(html.contains("Inline &lt;b&gt;bold&lt;/b&gt; tags"))                // raw inline
        #expect(!html.contains("raw HTML omitted"))
    }

    @Test func rawHTMLPassesThroughOnlyWhenAllowed() throws {
        let html = try RenderFixtures.body(of: "features.md", allowRawHTML: true).html
        #expect(html.contains(#"<div class="note"><script>alert("raw")</script></div>"#))
        #expect(html.contains("Inline <b>bold</b> tags"))
        // Cell code and outputs stay escaped even then.
        #expect(html.contains("&lt;script&gt;alert(&quot;output&quot;)&lt;/script&gt;"))
    }

    @Test func settingsCommentsAreDropped() throws {
        let html = try RenderFixtures.body(of: "features.md").html
        #expect(!html.contains("swiftbook: seed"))
    }

    @Test func hiddenCellsAndTheirOutputsAreLeftOut() throws {
        let html = try RenderFixtures.body(of: "features.md").html
        #expect(!html.contains("HIDDEN-CELL-SOURCE"))
        #expect(!html.contains("HIDDEN-CELL-OUTPUT"))
        #expect(html.occurrences(of: #"<div class="cell"#) == 3)
    }

    @Test func cellsAndOutputsAreTheDocumentsFoundByTheirLines() throws {
        let html = try RenderFixtures.body(of: "cells/positions.md").html
        // After multi-line math the hidden cell and its output are still found, and left out.
        #expect(!html.contains("HIDDEN-SOURCE"))
        #expect(!html.contains("HIDDEN-OUTPUT"))
        #expect(html.contains("<figcaption>Output</figcaption>\n<pre class=\"output\"><samp>SHOWN</samp></pre>"))
        // What the document model says is no output block is shown as the code block it is.
        #expect(html.occurrences(of: #"<div class="cell"#) == 2)
        #expect(html.contains(#"<pre><code class="language-output">NOT-AN-OUTPUT"#))
    }

    @Test func cellsShowHighlightedCodeAndLabelledOutput() throws {
        let html = try RenderFixtures.body(of: "features.md").html
        #expect(html.contains(#"<pre class="code"><code class="language-swift"><span class="tok-comment">// Draw a &lt;script&gt; tag, safely.</span>"#))
        #expect(html.contains("<figcaption>Output</figcaption>\n<pre class=\"output\"><samp>&lt;script&gt;"))
    }

    @Test func noRunCellsAreMarkedAndFailingCellsShowAnError() throws {
        let html = try RenderFixtures.body(of: "features.md").html
        #expect(html.contains(#"<div class="cell cell-not-run">"# + "\n" + #"<p class="cell-label">Not run</p>"#))
        #expect(html.contains(#"<div class="cell cell-fails">"#))
        #expect(html.contains("<figcaption>Error (expected)</figcaption>\n<pre class=\"output error\"><samp>features.md:37:19: error:"))
    }

    @Test func linksToOtherChaptersPointAtTheirPages() throws {
        let html = try RenderFixtures.body(of: "features.md").html
        #expect(html.contains(#"<a href="basics.html">the basics</a>"#))
        #expect(html.contains(#"<a href="basics.html#first-steps">a section of it</a>"#))
        #expect(html.contains(##"<a href="#cells">this page's cells</a>"##))
        #expect(html.contains(#"<a href="https://example.org/page.md">the web</a>"#))
    }

    @Test func linkRewritingLeavesNonChapterLinksAlone() {
        let pages = ["other.md": "other.html"]
        #expect(LinkRewriter.rewrite("other.md", pageNames: pages) == "other.html")
        #expect(LinkRewriter.rewrite("./other.md#a-b", pageNames: pages) == "other.html#a-b")
        #expect(LinkRewriter.rewrite("missing.md", pageNames: pages) == "missing.md")
        #expect(LinkRewriter.rewrite("https://host/other.md", pageNames: pages) == "https://host/other.md")
        #expect(LinkRewriter.rewrite("#other.md", pageNames: pages) == "#other.md")
    }

    @Test func headingsGetUniqueGitHubStyleAnchors() throws {
        let body = try RenderFixtures.body(of: "features.md")
        #expect(body.headings.map(\.anchor) == ["features-of-the-renderer", "links", "cells", "raw-html", "cells-1"])
        #expect(body.headings.map(\.level) == [1, 2, 2, 2, 2])
        #expect(body.html.contains(#"<h2 id="cells-1">"#))
        #expect(HeadingSlugger.slug("Layers & Modules: Why?") == "layers--modules-why")
        var slugger = HeadingSlugger()
        #expect(["A", "A", "A-1", "!!"].map { slugger.uniqueSlug(for: $0) } == ["a", "a-1", "a-1-1", "section"])
    }

    @Test func theTableOfContentsListsSectionsWithTheirAnchors() throws {
        let body = try RenderFixtures.body(of: "features.md")
        let toc = PageTemplate.tableOfContents(body.headings)
        #expect(toc.contains(##"<a href="#links">Links</a>"##))
        #expect(toc.contains(##"<a href="#cells">Cells</a>"##))
        #expect(toc.contains(##"<a href="#cells-1">Cells</a>"##))
        #expect(!toc.contains("features-of-the-renderer"))   // the title is the page itself
        let nested = PageTemplate.tableOfContents([
            Heading(level: 2, text: "A", anchor: "a"), Heading(level: 3, text: "B", anchor: "b"),
            Heading(level: 2, text: "C", anchor: "c"),
        ])
        #expect(nested.contains("<li><a href=\"#a\">A</a>\n<ol>\n<li><a href=\"#b\">B</a></li>\n</ol>\n</li>\n<li><a href=\"#c\">C</a></li>\n</ol>"))
    }

    @Test func mathIsKeptIntactAndMarkedForAMathRenderer() throws {
        let html = try RenderFixtures.body(of: "features.md").html
        #expect(html.contains(#"<span class="math inline">a_1 * b_2 * c</span>"#))
        #expect(html.contains("<div class=\"math display\">\n\\sum_{i=1}^{n} x_i^2 \\\\ \\{ y \\}\n</div>"))
        #expect(!html.contains("<em>"))
        #expect(html.contains("A price of $5 and $10 is not math"))
        #expect(html.contains("<code>$0</code>"))
        #expect(html.contains(#"<span class="tok-identifier">$0</span>"#))
        #expect(html.contains(#"<span class="tok-comment">// $x$ is not math here</span>"#))
    }
}
