import CCmark
import Foundation

/// The local images a chapter shows, found so `render` can copy them into the site.
///
/// An image whose address is relative (`img/plot.svg`, `./plot.png`) is a file beside the
/// chapter; it is copied to the same relative path in the site, so the page's `src` stays as
/// written and the alt text with it. Addresses with a scheme (`https:`, `data:`) or starting
/// with `/` are left alone. A missing file, or a path that leaves the chapter's folder (`..`),
/// is an error at the image's line and column.
enum ChapterImages {
    /// Site path (`img/plot.svg`) to the file to copy, for every local image of the chapter.
    static func find(in source: ChapterSource, errors: inout [RenderError]) -> [String: URL] {
        let math = source.math, markdown = source.markdown, chapterPath = source.path
        let document = cmark_parse_document(math.protectedText, math.protectedText.utf8.count, CMARK_OPT_SOURCEPOS)!
        defer { cmark_node_free(document) }
        let lines = SourceLines(markdown)
        let folder = URL(fileURLWithPath: chapterPath).deletingLastPathComponent()
        var images: [String: URL] = [:]
        for node in document.descendants() where node.nodeType == CMARK_NODE_IMAGE {
            let url = math.restoringOriginals(in: node.url)
            guard let path = sitePath(of: url) else { continue }
            let line = math.originalLine(ofProtectedLine: Int(cmark_node_get_start_line(node)))
            let place = lines.find("](\(url)", from: max(line, 1)).map { ($0.line, $0.column + 2) } ?? (max(line, 1), 1)
            if path.split(separator: "/").contains("..") {
                errors.append(RenderError(path: chapterPath, line: place.0, column: place.1,
                    "image '\(url)' is outside the chapter's folder; keep images in the chapter's folder or below it"))
                continue
            }
            let file = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue else {
                errors.append(RenderError(path: chapterPath, line: place.0, column: place.1,
                    "image '\(url)' not found (looked for \(ChapterOrder.displayPath(file))); add the file or fix the path"))
                continue
            }
            images[path] = file
        }
        return images
    }

    /// The relative file path an image address names (`./img/a%20b.png?x#y` gives `img/a b.png`),
    /// or nil when it is not a local file.
    static func sitePath(of url: String) -> String? {
        if url.isEmpty || url.hasPrefix("/") || url.hasPrefix("#") || url.contains(":") { return nil }
        let bare = url.split(whereSeparator: { $0 == "?" || $0 == "#" }).first.map(String.init) ?? ""
        let decoded = bare.removingPercentEncoding ?? bare
        let parts = decoded.split(separator: "/").filter { $0 != "." }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
