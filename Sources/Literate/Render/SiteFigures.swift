import CCmark
import Foundation

/// The figures a site shows: each chapter's SVG files from the `figures` folder beside it (see
/// `FigureLink`), copied to `figures/` in the site, where the pages' image links
/// (`figures/<chapter>-cell<N>.svg`, relative like the chapter's own) find them.
enum SiteFigures {
    /// Site file names (`figures/<name>.svg`) to contents, for the chapters at `chapters`.
    static func files(for chapters: [URL]) -> [String: String] {
        var files: [String: String] = [:]
        for chapter in chapters {
            let folder = chapter.deletingLastPathComponent().appendingPathComponent(FigureLink.folderName)
            let stem = FigureLink.chapterStem(ofPath: chapter.path)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where FigureLink.cell(ofFileName: name, chapterStem: stem) != nil {
                guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
                files["\(FigureLink.folderName)/\(name)"] = text
            }
        }
        return files
    }

    /// The paragraph of a figure line (see `FigureLink`) right after an output block: hidden
    /// with its cell's output. A paragraph whose only content is an image of `figures/*.svg`.
    static func figureParagraph(after output: OpaquePointer?) -> OpaquePointer? {
        guard let paragraph = output?.nextSibling, paragraph.nodeType == CMARK_NODE_PARAGRAPH,
              let image = paragraph.firstChild, image.nodeType == CMARK_NODE_IMAGE, image.nextSibling == nil,
              image.url.hasPrefix(FigureLink.folderName + "/"), image.url.hasSuffix(".svg") else { return nil }
        return paragraph
    }
}
