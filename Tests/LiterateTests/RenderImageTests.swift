import Foundation
import Testing
@testable import Literate

@Suite("Images")
struct RenderImageTests {
    @Test func localImagesAreCopiedAtTheirPathAndKeepTheirAltText() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")
        try SiteRenderer().render(paths: [RenderFixtures.folder.appendingPathComponent("images").path], output: site.path)

        let copied = try RenderFixtures.read("img/dot.svg", in: site)
        #expect(copied == (try RenderFixtures.read("images/img/dot.svg", in: RenderFixtures.folder)))
        let html = try RenderFixtures.read("pictures.html", in: site)
        #expect(html.contains("<figure id=\"fig-dot\">\n<img src=\"./img/dot.svg\" alt=\"A blue dot, radius $r = 16$\">\n<figcaption>Figure 1.1: "))
        #expect(html.contains(##"As <a href="#fig-dot">Figure 1.1</a> shows, inline <img src="img/dot.svg" alt="dot" /> images"##))
        #expect(html.contains(#"<img src="https://example.org/x.png" alt="remote" />"#))
    }

    @Test func aMissingImageOrOneOutsideTheChapterFolderIsAnErrorAtItsLine() throws {
        let scratch = try RenderFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site")
        let failure = try #require(throws: RenderFailure.self) {
            try SiteRenderer().render(paths: [RenderFixtures.folder.appendingPathComponent("images-bad").path], output: site.path)
        }
        #expect(failure.exitStatus == 1)
        let lines = failure.description.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].contains("/images-bad/missing.md:3:17: error: image 'plots/none.png' not found (looked for "))
        #expect(lines[0].hasSuffix("/images-bad/plots/none.png); add the file or fix the path"))
        #expect(lines[1].hasSuffix("/images-bad/missing.md:5:15: error: image '../images/img/dot.svg' is outside the chapter's folder; keep images in the chapter's folder or below it"))
        #expect(!FileManager.default.fileExists(atPath: site.path))
    }
}
