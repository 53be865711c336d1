import Foundation

/// Renders chapters as a static HTML site: `index.html`, one page per chapter, `style.css`.
///
/// This is `swiftbook render` as a library call. Nothing is written unless every chapter
/// loads and the output folder passes `SiteOutput.validate`; then the whole site replaces the
/// previous one at once (see `SiteOutput`).
public struct SiteRenderer: Sendable {
    /// Pass raw HTML in chapters through instead of showing it as text.
    public var allowRawHTML: Bool
    /// The name shown in every page's header and as the index page's heading.
    public var siteTitle: String

    /// A renderer that escapes raw HTML unless `allowRawHTML` is set.
    public init(allowRawHTML: Bool = false, siteTitle: String = "swiftbook") {
        self.allowRawHTML = allowRawHTML
        self.siteTitle = siteTitle
    }

    /// Renders the chapters found at `paths` (files or folders, see `ChapterOrder`) into the
    /// folder `output`, and returns the chapter page names in reading order.
    ///
    /// Throws a `RenderFailure` listing every problem (chapter errors with their locations,
    /// a bad `ORDER` line, two chapters that would share a page, an output folder it must not touch).
    @discardableResult
    public func render(paths: [String], output: String) throws -> [String] {
        let files = try ChapterOrder.chapterFiles(for: paths)
        guard !files.isEmpty else {
            throw RenderFailure(errors: [RenderError(path: paths.joined(separator: " "), "no chapters (.md files) to render")])
        }
        let outputURL = URL(fileURLWithPath: output)
        let chapterFolders = files.map { $0.deletingLastPathComponent() }
        do {
            try SiteOutput.validate(output: outputURL, chapterFolders: chapterFolders)
        } catch {
            throw RenderFailure(errors: [error])
        }

        var errors: [any Error] = []
        var sources: [ChapterSource] = []
        for file in files {
            do {
                sources.append(try ChapterSource(loading: ChapterOrder.displayPath(file)))
            } catch {
                errors.append(error)
            }
        }
        let pageNames = Self.pageNames(for: files, errors: &errors)
        if !errors.isEmpty { throw RenderFailure(errors: errors) }

        var site = buildPages(sources: sources, pageNames: pageNames)
        site.files.merge(SiteFigures.files(for: files)) { page, _ in page }
        try SiteOutput.write(site.files, to: outputURL)
        return site.pages
    }

    /// The site's files (name to contents) and the chapter pages in order.
    func buildPages(sources: [ChapterSource], pageNames: [String: String]) -> (files: [String: String], pages: [String]) {
        let bodies = sources.map {
            ChapterBody(markdown: $0.markdown, cells: $0.cells, pageNames: pageNames, allowRawHTML: allowRawHTML)
        }
        let links = zip(sources, bodies).map { source, body in
            let fileName = URL(fileURLWithPath: source.path).lastPathComponent
            let title = body.headings.first?.text ?? String(fileName.dropLast(fileName.hasSuffix(".md") ? 3 : 0))
            return PageLink(page: pageNames[fileName] ?? PageNames.pageName(forChapterFile: fileName), title: title, summary: body.summary)
        }
        var files: [String: String] = ["style.css": Stylesheet.css]
        files["index.html"] = PageTemplate.indexPage(siteTitle: siteTitle, chapters: links)
        for (index, body) in bodies.enumerated() {
            files[links[index].page] = PageTemplate.chapterPage(
                title: links[index].title, siteTitle: siteTitle, body: body,
                previous: index > 0 ? links[index - 1] : nil,
                next: index + 1 < links.count ? links[index + 1] : nil)
        }
        return (files, links.map(\.page))
    }

    /// Chapter file names to page names; two chapters that would share a page are an error.
    static func pageNames(for files: [URL], errors: inout [any Error]) -> [String: String] {
        var names: [String: String] = [:]
        var owners: [String: URL] = [:]
        for file in files {
            let fileName = file.lastPathComponent
            let page = PageNames.pageName(forChapterFile: fileName)
            if let owner = owners[page] {
                errors.append(RenderError(path: ChapterOrder.displayPath(file), "would be published as \(page), like \(ChapterOrder.displayPath(owner)); rename one of the two chapters"))
                continue
            }
            owners[page] = file
            names[fileName] = page
        }
        return names
    }
}
