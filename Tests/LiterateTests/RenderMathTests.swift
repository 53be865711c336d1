import Foundation
import Testing
@testable import Literate

@Suite("Math in prose")
struct RenderMathTests {
    func spans(_ markdown: String, verbatim: Set<Int> = []) -> [String] {
        MathProtector(markdown: markdown, verbatimLines: verbatim).spans.map(\.original)
    }

    @Test func dollarRulesFollowPandoc() {
        #expect(spans("a $x^2$ b $$y$$ c") == ["$x^2$", "$$y$$"])
        #expect(spans("costs $5 and $10 today") == [])           // closing $ before a digit
        #expect(spans("a $ x $ b") == [])                         // space after the opening $
        #expect(spans(#"escaped \$x$ is text"#) == [])
        #expect(spans("`$x$` is code, $y$ is math") == ["$y$"])
        #expect(spans("$a\n\nb$") == [])                          // never across a blank line
        #expect(spans("$$\na \\\\\nb\n$$") == ["$$\na \\\\\nb\n$$"])
    }

    @Test func codeAndHTMLBlockLinesAreLeftAlone() {
        let markdown = "```swift\nlet f = { $0 + $1 }\n```\n\n$z$\n"
        #expect(spans(markdown, verbatim: [1, 2, 3]) == ["$z$"])
    }

    @Test func placeholdersRoundTripToTheOriginalText() {
        let protector = MathProtector(markdown: "see $a_1 * b$ here", verbatimLines: [])
        #expect(!protector.protectedText.contains("$"))
        #expect(protector.restoringOriginals(in: protector.protectedText) == "see $a_1 * b$ here")
        #expect(protector.replacingMathWithTeX(in: protector.protectedText) == "see a_1 * b here")
    }
}

@Suite("Math lines and columns follow cmark")
struct RenderMathPositionTests {
    @Test func spansKnowTheirLineAndByteColumn() {
        let protector = MathProtector(markdown: "# T\n\nSee é $a$ and\r\nthen $$\nb\n$$ and $c$.\n", verbatimLines: [])
        #expect(protector.spans.map { [$0.line, $0.column] } == [[3, 8], [4, 6], [6, 8]])
        #expect(protector.originalLine(ofProtectedLine: 4) == 4)
        #expect(protector.originalLine(ofProtectedLine: 5) == 7)   // the display span's two breaks collapsed
    }

    @Test func onlyLineFeedAndCarriageReturnEndALine() {
        // A form feed and U+2028 are not line breaks to cmark, so the code block stays on lines 3 to 5.
        let markdown = "a \u{000C} b \u{2028} c\n\n```swift\nlet cost = \"$x$\"\n```\n\n$y$\n"
        let spans = MathProtector(markdown: markdown, verbatimLines: BlockLines(markdown: markdown).verbatim).spans
        #expect(spans.map(\.original) == ["$y$"])
        #expect(spans.first?.line == 7)
    }
}

@Suite("Math typeset as MathML with pandoc")
struct RenderMathMLTests {
    @Test func oneRunTypesetsEveryFormulaAndReportsTheOnesPandocRejects() throws {
        let formulas = [Formula(tex: "x^2", isDisplay: false), Formula(tex: #"\foo{x}"#, isDisplay: false),
                        Formula(tex: #"\frac{a}{b}"#, isDisplay: true), Formula(tex: "x^2", isDisplay: false),
                        Formula(tex: "λ + \u{0} \\text{\"q\"}", isDisplay: false)]
        let result = try MathTypesetter().typeset(formulas)
        #expect(result.mathML[formulas[0]] == #"<math display="inline"><semantics><msup><mi>x</mi><mn>2</mn></msup><annotation encoding="application/x-tex">x^2</annotation></semantics></math>"#)
        #expect(result.mathML[formulas[2]]?.hasPrefix(#"<math display="block"><semantics><mfrac>"#) == true)
        #expect(result.mathML[formulas[4]]?.contains(#"<mi>λ</mi><mo>+</mo><mi>\#u{FFFD}</mi><mtext mathvariant="normal">&quot;q&quot;</mtext>"#) == true)
        #expect(result.failures == [formulas[1]: #"unexpected control sequence \foo"#])
    }

    @Test func aMissingPandocIsAnErrorNamingTheDebianPackage() throws {
        let typesetter = MathTypesetter(pandoc: "/nonexistent/pandoc")
        #expect(throws: MathTypesetter.Unavailable.self) { try typesetter.typeset([Formula(tex: "x", isDisplay: false)]) }
        #expect(try typesetter.typeset([]).mathML.isEmpty)   // a book without math never needs pandoc
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let failure = try #require(throws: RenderFailure.self) {
            try SiteRenderer(typesetter: typesetter).render(paths: [RenderFixtures.folder.appendingPathComponent("math-bad").path],
                                                           output: scratch.appendingPathComponent("site").path)
        }
        #expect(failure.exitStatus == 2)
        #expect(failure.description.hasSuffix("/math-bad/bad-formula.md:3:6: error: pandoc is not installed, and swiftbook render typesets math with it; install the Debian package with 'apt-get install pandoc' (or run Scripts/setup-system)"))
    }

    @Test func theSiteShowsMathMLAndKeepsLiteralDollars() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")
        try SiteRenderer().render(paths: [RenderFixtures.folder.appendingPathComponent("math").path], output: site.path)
        let html = try RenderFixtures.read("math.html", in: site)

        #expect(html.contains(#"Inline <span class="math inline"><math display="inline"><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mi>α</mi></mrow>"#))
        #expect(html.contains(#"<div class="math display"><math display="block"><semantics><mrow><munderover><mo>∑</mo>"#))
        #expect(html.contains(#"<div class="math display" id="eq-square"><math display="block">"#))
        #expect(html.contains(#"<span class="equation-number">(1.1)</span></div>"#))
        #expect(html.contains(##"<a href="#eq-square">Equation (1.1)</a>"##))
        #expect(html.contains("a price of $5 and $10, an escaped $x$ pair, and <code>$y$</code> in code."))
        #expect(html.contains(#"<span class="tok-string">&quot;$z$&quot;</span>"#))
        #expect(html.contains("<samp>$z$</samp>"))
        #expect(html.occurrences(of: "<math ") == 3)
    }

    @Test func aFormulaPandocRejectsIsAnErrorAtItsLocationAndNothingIsWritten() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let chapters = try RenderFixtures.copy("math-bad", into: scratch)
        let site = scratch.appendingPathComponent("site")

        let failure = try #require(throws: RenderFailure.self) {
            try SiteRenderer().render(paths: [chapters.path], output: site.path)
        }
        #expect(failure.exitStatus == 1)
        #expect(failure.description.hasSuffix(#"/math-bad/bad-formula.md:5:20: error: cannot typeset $\foo{x}$ as MathML: unexpected control sequence \foo (pandoc's TeX reader); fix the TeX or escape the dollar sign as \$"#))
        #expect(!FileManager.default.fileExists(atPath: site.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
        #expect(leftovers == ["math-bad"])
    }
}

@Suite("Math follows cmark's reading of the chapter")
struct RenderMathBlockTests {
    @Test func mathNeverRunsIntoTheNextBlockAndPlainTextPlacesKeepItAsWritten() throws {
        let html = try RenderFixtures.body(of: "math-edge/edges.md").html
        // The setext heading stays a heading, and the next paragraph has its own math.
        #expect(html.contains("<h1 id=\"a-title-with-a\">\nA title with $a\n</h1>"))
        #expect(html.contains(#"Then x$ is a lone dollar, and <span class="math inline">b</span> is math."#))
        // `[$x$]` still finds its link reference definition.
        #expect(html.contains(#"See <a href="https://example.org/x"><span class="math inline">x</span></a>"#))
        // Titles and alt text are plain text: the math in them is kept as written.
        #expect(html.contains(#"<a href="https://example.org" title="about $y$">the page</a>"#))
        #expect(html.contains(#"<img src="plot.png" alt="a plot of $z$">"#))
        #expect(html.contains(#"Inline <img src="i.png" alt="alt $w$" /> image."#))
        #expect(!html.contains("\u{E000}") && !html.contains("\u{E001}"))
    }
}
