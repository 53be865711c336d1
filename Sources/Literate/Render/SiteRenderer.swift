import Foundation

/// Renders chapters as a static HTML site: `index.html`, one page per chapter, `style.css`, and
/// the search (`search.html`, `search.js`, `search-index.js`).
///
/// This is `swiftbook render` as a library call. Nothing is written unless every chapter
/// loads, every reference resolves, every formula typesets and the output folder passes
/// `SiteOutput.validate`; then the whole site replaces the previous one at once (see `SiteOutput`).
public struct SiteRenderer: Sendable {
    /// Pass raw HTML in chapters through instead of showing it as text.
    var allowRawHTML: Bool
    /// The name shown in every page's header and as the index page's heading.
    var siteTitle: String
    /// Typesets the book's math (pandoc, found in `PATH` by default).
    var typesetter: MathTypesetter

    /// A renderer that escapes raw HTML unless `allowRawHTML` is set.
    public init(allowRawHTML: Bool = false, siteTitle: String = "swiftbook", typesetter: MathTypesetter = MathTypesetter()) {
        self.allowRawHTML = allowRawHTML
        self.siteTitle = siteTitle
        self.typesetter = typesetter
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
        let editions = try SiteEditions(paths: paths, files: files)
        let chapterFolders = editions.editions.flatMap(\.files).map { $0.deletingLastPathComponent() }
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

        // The chapters' own mistakes: exit status 1, like a failing cell.
        let references = BookReferences(sources: sources)
        errors += references.errors
        let images = collectImages(in: sources, errors: &errors)
        var pandocMissing = false
        let mathML = typesetMath(in: sources, errors: &errors, converterMissing: &pandocMissing)
        // A missing converter is the machine's problem, not the text's: status 2, like unreadable input.
        if !errors.isEmpty { throw RenderFailure(errors: errors, exitStatus: pandocMissing ? 2 : 1) }

        // A figure line is a local image (`figures/<chapter>-cell<N>.svg`): copied with the others.
        var site = buildPages(sources: sources, pageNames: pageNames, targets: references.targets, mathML: mathML,
                              editions: editions, edition: editions.editions[0])
        var assets = images
        // The translations, each as a site in its language's folder (SiteRenderer+Editions.swift).
        try renderTranslations(editions, into: &site.files, assets: &assets)
        try SiteOutput.write(site.files, assets: assets, to: outputURL)
        return site.pages
    }

    /// The local images of every chapter (site path to file); a missing image, or two chapters
    /// whose images would share a path in the site, is an error.
    func collectImages(in sources: [ChapterSource], errors: inout [any Error]) -> [String: URL] {
        var images: [String: URL] = [:]
        for source in sources {
            var found: [RenderError] = []
            for (path, file) in ChapterImages.find(in: source, errors: &found) {
                if let other = images[path], other.standardizedFileURL != file.standardizedFileURL {
                    found.append(RenderError(path: source.path, "image path '\(path)' names \(ChapterOrder.displayPath(file)) here but \(ChapterOrder.displayPath(other)) in another chapter; rename one of them"))
                } else if path.split(separator: "/").count == 1 && (path.hasSuffix(".html") || path.hasSuffix(".js") || path.hasSuffix(".css") || path.hasPrefix(".")) {
                    found.append(RenderError(path: source.path, "image '\(path)' would overwrite a page of the site; rename it or move it into a folder"))
                } else {
                    images[path] = file
                }
            }
            errors += found as [any Error]
        }
        return images
    }

    /// Typesets every formula of the book in one pandoc run; a formula pandoc rejects is an
    /// error at its chapter line and column.
    func typesetMath(in sources: [ChapterSource], errors: inout [any Error], converterMissing: inout Bool) -> [Formula: String] {
        let spans = sources.map { source in
            (path: source.path, spans: source.math.spans)
        }
        let formulas = spans.flatMap { $0.spans.map { Formula(tex: $0.tex, isDisplay: $0.isDisplay) } }
        guard !formulas.isEmpty else { return [:] }
        do {
            let result = try typesetter.typeset(formulas)
            for chapter in spans {
                for span in chapter.spans {
                    guard let reason = result.failures[Formula(tex: span.tex, isDisplay: span.isDisplay)] else { continue }
                    errors.append(RenderError(path: chapter.path, line: span.line, column: span.column,
                        "cannot typeset \(span.original.count > 40 ? String(span.original.prefix(40)) + "..." : span.original) as MathML: \(reason) (pandoc's TeX reader); fix the TeX or escape the dollar sign as \\$"))
                }
            }
            return result.mathML
        } catch {
            converterMissing = true
            // Located at the book's first formula, so the message names a place that needs pandoc.
            let first = spans.first { !$0.spans.isEmpty }!
            errors.append(RenderError(path: first.path, line: first.spans[0].line, column: first.spans[0].column, Diagnostic.messages(of: error)))
            return [:]
        }
    }

    /// The site's files (name to contents) and the chapter pages in order.
    func buildPages(
        sources: [ChapterSource], pageNames: [String: String],
        targets: [String: [String: ReferenceTarget]] = [:], mathML: [Formula: String] = [:],
        editions: SiteEditions? = nil, edition: SiteEditions.Edition? = nil
    ) -> (files: [String: String], pages: [String]) {
        let language = edition?.language ?? SiteEditions.sourceLanguage
        let switcher = { (page: String) in edition.flatMap { editions?.switcher(page: page, in: $0) } ?? "" }
        let bodies = sources.enumerated().map { index, source in
            let book = BookContext(chapterFile: URL(fileURLWithPath: source.path).lastPathComponent, chapterNumber: index + 1,
                                   targets: targets, mathML: mathML)
            return ChapterBody(source: source, pageNames: pageNames, allowRawHTML: allowRawHTML, book: book)
        }
        return Self.pages(sources: sources, bodies: bodies, pageNames: pageNames, siteTitle: siteTitle,
                          language: language, switcher: switcher)
    }

    /// The site's files from chapter bodies already rendered: the stylesheet, the index, the
    /// search page and index, and one page per chapter (the preview hands in bodies it kept).
    static func pages(sources: [ChapterSource], bodies: [ChapterBody], pageNames: [String: String], siteTitle: String,
                      language: String = SiteEditions.sourceLanguage, switcher: (String) -> String = { _ in "" })
        -> (files: [String: String], pages: [String]) {
        let links = zip(sources, bodies).map { source, body in
            let fileName = URL(fileURLWithPath: source.path).lastPathComponent
            let title = body.headings.first?.text ?? String(fileName.dropLast(fileName.hasSuffix(".md") ? 3 : 0))
            return PageLink(page: pageNames[fileName] ?? PageNames.pageName(forChapterFile: fileName), title: title, summary: body.summary)
        }
        var files: [String: String] = ["style.css": Stylesheet.css + SiteEditions.css]
        files["index.html"] = PageTemplate.indexPage(siteTitle: siteTitle, chapters: links, language: language,
                                                     switcher: switcher("index.html"))
        files["search.html"] = PageTemplate.searchPage(siteTitle: siteTitle, language: language, switcher: switcher("search.html"))
        files[SearchScript.fileName] = SearchScript.javaScript
        files[SearchIndex.fileName] = SearchIndex.script(chapters: zip(links, bodies).enumerated().map { index, pair in
            (page: pair.0.page, title: "\(index + 1) \(pair.0.title)", sections: pair.1.sections)
        })
        for (index, body) in bodies.enumerated() {
            files[links[index].page] = PageTemplate.chapterPage(
                title: links[index].title, siteTitle: siteTitle, body: body,
                previous: index > 0 ? links[index - 1] : nil,
                next: index + 1 < links.count ? links[index + 1] : nil,
                language: language, switcher: switcher(links[index].page))
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
