import Foundation
import Testing
@testable import Literate

@Suite("Numbering and references")
struct RenderReferenceTests {
    /// Renders the `references` fixture book (intro.md is chapter 1, model.md chapter 2).
    func renderBook() throws -> (intro: String, model: String, scratch: URL) {
        let scratch = try RenderFixtures.scratchFolder()
        let site = scratch.appendingPathComponent("site")
        try SiteRenderer().render(paths: [RenderFixtures.folder.appendingPathComponent("references").path], output: site.path)
        return (try RenderFixtures.read("intro.html", in: site), try RenderFixtures.read("model.html", in: site), scratch)
    }

    @Test func chaptersAndSectionsAreNumberedInBookOrder() throws {
        let book = try renderBook()
        defer { try? FileManager.default.removeItem(at: book.scratch) }
        #expect(book.intro.contains("<h1 id=\"introduction\"><span class=\"number\">1</span> \nIntroduction\n</h1>"))
        #expect(book.intro.contains("<h2 id=\"notation\"><span class=\"number\">1.1</span> \nNotation\n</h2>"))
        #expect(book.intro.contains("<h3 id=\"shapes\"><span class=\"number\">1.1.1</span> \nShapes\n</h3>"))
        #expect(book.model.contains("<h2 id=\"training\"><span class=\"number\">2.2</span> \nTraining\n</h2>"))
        // The table of contents shows the numbers too.
        #expect(book.model.contains(##"<a href="#layers"><span class="number">2.1</span> Layers</a>"##))
    }

    @Test func referencesReadAsNumbersAndLinkToTheirTargetsAcrossChapters() throws {
        let book = try renderBook()
        defer { try? FileManager.default.removeItem(at: book.scratch) }
        #expect(book.intro.contains(#"The model is built in <a href="model.html">Chapter 2</a>; its layers are in"#))
        #expect(book.intro.contains(#"<a href="model.html#layers">Section 2.1</a>, and the loss is <a href="model.html#eq-loss">Equation (2.1)</a>."#))
        #expect(book.intro.contains(#"<a href="model.html#fig-net">Figure 2.1</a> draws the network."#))
        #expect(book.intro.contains(##"See <a href="#notation">section 1.1</a> above."##))
        #expect(book.model.contains(#"Back to <a href="intro.html#shapes">Section 1.1.1</a>."#))
        #expect(book.model.contains(##"Minimise <a href="#eq-loss">Equation (2.1)</a>."##))
        // The targets carry the ids the links point at.
        #expect(book.model.contains(#"<div class="math display" id="eq-loss"><math display="block">"#))
        #expect(book.model.contains("<figure id=\"fig-net\">\n<img src=\"net.svg\" alt=\"A network with $2$ layers\">\n<figcaption>Figure 2.1: \nA network with <span class=\"math inline\"><math display=\"inline\">"))
    }

    @Test func unresolvedAndDuplicateLabelsAreErrorsWithTheirLocations() throws {
        let path = RenderFixtures.folder.appendingPathComponent("references-bad/broken.md").path
        let errors = BookReferences.errors(inChapterFiles: [path]).map(\.description)
        #expect(errors == [
            "\(path):9:1: error: duplicate label 'eq-one', already defined at line 7; give each label its own name",
            "\(path):5:5: error: unresolved reference '#no-such-section': broken.md has no section anchor, equation or figure labelled 'no-such-section'; a section's label is its heading's anchor, an equation's or figure's is its {#label}",
            "\(path):11:6: error: unresolved reference 'missing.md': 'missing.md' is not a chapter of this book; link to a chapter file such as 'broken.md'",
        ])
        #expect(BookReferences.errors(inChapterFiles: ["intro.md", "model.md"].map {
            RenderFixtures.folder.appendingPathComponent("references/\($0)").path
        }) == [])
    }

    @Test func renderRefusesABrokenReferenceAndWritesNothing() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")
        let failure = try #require(throws: RenderFailure.self) {
            try SiteRenderer().render(paths: [RenderFixtures.folder.appendingPathComponent("references-bad").path], output: site.path)
        }
        #expect(failure.exitStatus == 1)
        #expect(failure.errors.count == 3)
        #expect(failure.description.contains("broken.md:5:5: error: unresolved reference '#no-such-section'"))
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }

    @Test func referenceTextKeepsTheAuthorsCapitalisation() {
        let equation = ReferenceTarget(kind: .equation, number: "1.3", label: "eq-x", line: 1, column: 1)
        #expect(equation.referenceText(as: "Equation") == "Equation (1.3)")
        #expect(equation.referenceText(as: "equation") == "equation (1.3)")
        let section = ReferenceTarget(kind: .section, number: "", label: "deep", line: 1, column: 1)
        #expect(section.referenceText(as: "Section") == "Section")
        #expect(ReferenceSyntax.label(inAttribute: " {#eq-loss} ") == "eq-loss")
        #expect(ReferenceSyntax.label(inAttribute: "{#two words}") == nil)
    }
}
