import Foundation
import Testing
@testable import Literate

/// The preview's site builder keeps what it found in chapters that did not change between
/// rounds (sources, labels, images) and still reports what changed on disk or between chapters.
@Suite struct PreviewSiteTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-preview-site-\(UUID().uuidString)")

    /// A chapter `name` in its own folder `folderName`, showing `img/plot.svg`, with that image beside it.
    func chapter(_ folderName: String, _ name: String, title: String) throws -> PreviewChapterResult {
        let chapterFolder = folder.appendingPathComponent(folderName)
        try FileManager.default.createDirectory(at: chapterFolder.appendingPathComponent("img"), withIntermediateDirectories: true)
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(to: chapterFolder.appendingPathComponent("img/plot.svg"))
        let text = Array("# \(title)\n\n![A plot](img/plot.svg)\n".utf8)
        return PreviewChapterResult(path: chapterFolder.appendingPathComponent(name).path, saved: text, shown: text)
    }

    /// The page `name` with the apostrophes of messages unescaped.
    func page(_ site: PreviewSite, _ name: String) -> String {
        String(decoding: site.files[name] ?? [], as: UTF8.self).replacingOccurrences(of: "&#39;", with: "'")
    }

    @Test func imagesAreCheckedAgainEveryRound() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try chapter("a", "first.md", title: "First")
        let builder = PreviewSiteBuilder(renderer: SiteRenderer())
        let site = builder.build([first])
        #expect(site.assets["img/plot.svg"] != nil)
        #expect(!page(site, "first.html").contains("preview-problems"))

        // The text did not change, but the image is gone: the page says so.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("a/img/plot.svg"))
        let without = builder.build([first])
        #expect(without.assets["img/plot.svg"] == nil)
        #expect(page(without, "first.html").contains("image 'img/plot.svg' not found"))
    }

    @Test func twoChaptersCannotPutDifferentImagesAtOnePath() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try chapter("a", "first.md", title: "First"), second = try chapter("b", "second.md", title: "Second")
        let builder = PreviewSiteBuilder(renderer: SiteRenderer())
        for _ in 0..<2 {   // the second round answers from what the first found
            let site = builder.build([first, second])
            #expect(!page(site, "first.html").contains("preview-problems"))
            #expect(page(site, "second.html").contains("image path 'img/plot.svg' names"))
            #expect(site.assets["img/plot.svg"]?.path == folder.appendingPathComponent("a/img/plot.svg").path)
        }
    }

    @Test func aReferenceToAChangedChapterIsResolvedAgain() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func result(_ name: String, _ text: String) -> PreviewChapterResult {
            PreviewChapterResult(path: folder.appendingPathComponent(name).path, saved: Array(text.utf8), shown: Array(text.utf8))
        }
        let referring = result("first.md", "# First\n\nSee [Section](second.md#details).\n")
        let builder = PreviewSiteBuilder(renderer: SiteRenderer())
        let before = builder.build([referring, result("second.md", "# Second\n\n## Details\n\nText.\n")])
        #expect(!page(before, "first.html").contains("preview-problems"))
        // Only the other chapter changed; the reference in the first no longer resolves.
        let after = builder.build([referring, result("second.md", "# Second\n\n## Other things\n\nText.\n")])
        #expect(page(after, "first.html").contains("unresolved reference 'second.md#details'"))
    }
}
