import Testing
@testable import Literate

@Suite("Swift highlighting")
struct RenderHighlightTests {
    @Test func keywordsTypesLiteralsCommentsAndAttributesGetTheirClasses() {
        let html = SwiftHighlighter.highlight("""
        // set up
        @MainActor final class Net: Module {
            let rate: Float = 0.5
            func f(count: Int) -> String { "n=\\(count + 1)" }
        }
        """)
        #expect(html.contains(#"<span class="tok-comment">// set up</span>"#))
        #expect(html.contains(#"<span class="tok-attribute">MainActor</span>"#) || html.contains(#"<span class="tok-attribute">@MainActor</span>"#))
        #expect(html.contains(#"<span class="tok-keyword">final</span> <span class="tok-keyword">class</span>"#))
        #expect(html.contains(#"<span class="tok-type">Module</span>"#))
        #expect(html.contains(#"<span class="tok-type">Float</span>"#))
        #expect(html.contains(#"<span class="tok-number">0.5</span>"#))
        #expect(html.contains(#"<span class="tok-number">1</span>"#))
        #expect(html.contains(#"<span class="tok-string">&quot;n=</span>"#))
        #expect(html.contains(#"<span class="tok-identifier">rate</span>"#))
        #expect(html.contains(#"<span class="tok-operator">+</span>"#))
    }

    @Test func capitalisedNamesInExpressionsAreShownAsTypes() {
        let html = SwiftHighlighter.highlight("let x = Tensor([1, 2])")
        #expect(html == #"<span class="tok-keyword">let</span> <span class="tok-identifier">x</span> = <span class="tok-type">Tensor</span>([<span class="tok-number">1</span>, <span class="tok-number">2</span>])"#)
    }

    @Test func theTextIsKeptExactlyApartFromEscaping() {
        let source = "let s = \"<b>&</b>\"  // <script>\n\tprint(s)\n"
        let html = SwiftHighlighter.highlight(source)
        let text = html.replacing(/<span class="[^"]*">|<\/span>/, with: "")
        #expect(text == escapeHTML(source))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
    }

    @Test func sourceThatDoesNotParseIsStillShownInFull() {
        let source = "let = = ) {"
        let html = SwiftHighlighter.highlight(source)
        #expect(html.replacing(/<span class="[^"]*">|<\/span>/, with: "") == escapeHTML(source))
    }
}
