import Foundation
import Testing
@testable import Literate

/// `render` shows a cell's figure inline, with its title as alt text, and copies the SVG files.
@Suite struct RenderFigureTests {
    @Test func figuresAreShownAndCopiedIntoTheSite() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let chapters = try RenderFixtures.copy("figures", into: scratch)
        let site = scratch.appendingPathComponent("site")

        try SiteRenderer().render(paths: [chapters.path], output: site.path)

        let page = try RenderFixtures.read("plots.html", in: site)
        #expect(page.contains(#"<img src="figures/plots-cell1.svg" alt="Training loss">"#), "\(page)")
        // A hidden cell's figure is hidden with its output.
        #expect(!page.contains("plots-cell2.svg"))
        #expect(page.contains("The end."))
        let copied = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("figures").path).sorted()
        #expect(copied == ["plots-cell1.svg", "plots-cell2.svg"], "only the chapter's figure files")
        #expect(try RenderFixtures.read("figures/plots-cell1.svg", in: site)
                == String(contentsOf: chapters.appendingPathComponent("figures/plots-cell1.svg"), encoding: .utf8))
    }
}
