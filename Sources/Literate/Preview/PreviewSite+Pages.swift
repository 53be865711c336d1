/// The site's files from chapter bodies already rendered: `SiteRenderer.buildPages` with the
/// bodies handed in, so the preview can reuse those of unchanged chapters (`PreviewBodyCache`).
extension PreviewSiteBuilder {
    static func pages(sources: [ChapterSource], bodies: [ChapterBody], pageNames: [String: String],
                      siteTitle: String) -> [String: String] {
        let links = zip(sources, bodies).map { source, body in
            let fileName = source.path.split(separator: "/").last.map(String.init) ?? source.path
            let title = body.headings.first?.text ?? String(fileName.dropLast(fileName.hasSuffix(".md") ? 3 : 0))
            return PageLink(page: pageNames[fileName] ?? PageNames.pageName(forChapterFile: fileName), title: title, summary: body.summary)
        }
        var files: [String: String] = ["style.css": Stylesheet.css]
        files["index.html"] = PageTemplate.indexPage(siteTitle: siteTitle, chapters: links)
        files["search.html"] = PageTemplate.searchPage(siteTitle: siteTitle)
        files[SearchScript.fileName] = SearchScript.javaScript
        files[SearchIndex.fileName] = SearchIndex.script(chapters: zip(links, bodies).enumerated().map { index, pair in
            (page: pair.0.page, title: "\(index + 1) \(pair.0.title)", sections: pair.1.sections)
        })
        for (index, body) in bodies.enumerated() {
            files[links[index].page] = PageTemplate.chapterPage(
                title: links[index].title, siteTitle: siteTitle, body: body,
                previous: index > 0 ? links[index - 1] : nil,
                next: index + 1 < links.count ? links[index + 1] : nil)
        }
        return files
    }
}
