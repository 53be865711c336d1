import Foundation

/// The site a preview serves, held in memory: pages by name, and the chapters' images by their
/// path in the site.
struct PreviewSite: Sendable {
    /// Page and asset name (`custom-layers.html`, `style.css`) to contents.
    var files: [String: [UInt8]] = [:]
    /// A chapter image's path in the site to the file it is read from.
    var assets: [String: URL] = [:]

    /// The names whose contents differ between `self` and `other`, or exist in only one.
    func changedNames(since other: PreviewSite) -> Set<String> {
        var names = Set<String>()
        for (name, bytes) in files where other.files[name] != bytes { names.insert(name) }
        for name in other.files.keys where files[name] == nil { names.insert(name) }
        for (name, url) in assets where other.assets[name] != url { names.insert(name) }
        return names
    }
}

/// Renders the preview's site from the chapters' in-memory results, as `SiteRenderer` renders
/// files, with three differences: problems do not stop it (each is shown at the top of its
/// chapter's page, and a failing cell at the cell), every page gets the reload script, and
/// formulas are typeset once per session (pandoc runs only for new ones), and the body of a
/// chapter whose inputs did not change is not rendered again.
final class PreviewSiteBuilder: @unchecked Sendable {
    private let renderer: SiteRenderer
    private var mathML: [Formula: String] = [:]
    private var mathFailures: [Formula: String] = [:]
    private var bodyCache = PreviewBodyCache()
    private var mathSpans: [String: (markdown: String, spans: [MathSpan])] = [:]
    private var sourceMemo: [String: (chapter: PreviewChapterResult, source: ChapterSource)] = [:]
    private var labelMemo: [String: (markdown: String, number: Int, labels: ChapterLabels)] = [:]
    private var imageMemo: [String: (markdown: String, images: [String: URL], errors: [any Error])] = [:]

    init(renderer: SiteRenderer) {
        self.renderer = renderer
    }

    /// The site for `chapters` (in reading order; `problems` are book-wide, such as a bad `ORDER`).
    func build(_ chapters: [PreviewChapterResult], problems bookProblems: [String] = []) -> PreviewSite {
        var errors: [any Error] = []
        let files = chapters.map { URL(fileURLWithPath: $0.path) }
        let pageNames = SiteRenderer.pageNames(for: files, errors: &errors)
        var problems: [String: [String]] = [:]
        func note(_ error: any Error) {
            for diagnostic in Diagnostic.all(from: error) {
                problems[diagnostic.location?.path ?? "", default: []].append(diagnostic.description)
            }
        }
        errors.forEach(note)
        // A chapter that did not run again this round is not parsed again either.
        let sources = chapters.map { chapter in
            if let kept = sourceMemo[chapter.path], kept.chapter == chapter { return kept.source }
            let source = Self.source(chapter)
            sourceMemo[chapter.path] = (chapter, source)
            return source
        }
        // Positions in messages are those of the saved text, which the author's editor shows.
        let saved = chapters.map { (path: $0.path, markdown: String(decoding: $0.saved, as: UTF8.self)) }
        let references = BookReferences(scanned: saved.enumerated().map { index, chapter in
            (path: chapter.path, labels: labels(of: chapter.markdown, path: chapter.path, number: index + 1))
        })
        references.errors.forEach(note)
        let images = images(of: sources, note: note)
        typeset(saved, note: note)

        let bodies = bodyCache.bodies(for: sources, pageNames: pageNames, targets: references.targets, mathML: mathML,
                                      allowRawHTML: renderer.allowRawHTML)
        let pages = SiteRenderer.pages(sources: sources, bodies: bodies, pageNames: pageNames, siteTitle: renderer.siteTitle).files
        var result = PreviewSite(assets: images)
        for (name, html) in pages {
            guard name.hasSuffix(".html") else { result.files[name] = Array(html.utf8); continue }
            var page = html
            let chapter = chapters.first { pageNames[URL(fileURLWithPath: $0.path).lastPathComponent] == name }
            let shown = (chapter.map { $0.problems + (problems[$0.path] ?? []) } ?? []) + (name == "index.html" ? bookProblems : [])
            if !shown.isEmpty { page = Self.insertProblems(shown, into: page) }
            result.files[name] = Array(ReloadScript.inject(into: page, page: name).utf8)
        }
        return result
    }

    /// The chapter as the renderer reads it: the text with fresh outputs, failures at their cells.
    static func source(_ chapter: PreviewChapterResult) -> ChapterSource {
        let parsed = (try? Chapter(path: chapter.path, bytes: chapter.shown)) ?? (try? Chapter(path: chapter.path, bytes: chapter.saved))
        guard let document = parsed else {
            // Shown with its problems; without a document there are no cells, so its code blocks are plain code.
            return ChapterSource(path: chapter.path, unparsedMarkdown: String(decoding: chapter.saved, as: UTF8.self))
        }
        return ChapterSource(path: chapter.path, chapter: document) { cell in
            let failure = chapter.failures[cell.id]
            // A failing set-up cell is shown all the same: the author needs to see it.
            var display = CellDisplay(isHidden: cell.options.hidden && failure == nil, isNotRun: !cell.options.runs,
                                      isExpectedToFail: cell.options.expectsFailure)
            display.failure = failure
            return display
        }
    }

    /// The labels and references of a chapter, read again only when its text or its number changed.
    private func labels(of markdown: String, path: String, number: Int) -> ChapterLabels {
        if let kept = labelMemo[path], kept.number == number, kept.markdown == markdown { return kept.labels }
        let labels = BookReferences.labels(of: markdown, math: MathProtector(chapter: markdown), chapterNumber: number)
        labelMemo[path] = (markdown, number, labels)
        return labels
    }

    /// The chapters' local images (site path to file), as `SiteRenderer.collectImages` finds them;
    /// a chapter's are found again only when its text changed, one of its images is gone, or it
    /// had a problem with one.
    private func images(of sources: [ChapterSource], note: (any Error) -> Void) -> [String: URL] {
        var all: [String: URL] = [:]
        for source in sources {
            var found = imageMemo[source.path]
            if found == nil || found!.markdown != source.markdown || !found!.errors.isEmpty
                || !found!.images.values.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) {
                var errors: [any Error] = []
                let images = renderer.collectImages(in: [source], errors: &errors)
                found = (source.markdown, images, errors)
                imageMemo[source.path] = found
            }
            found!.errors.forEach(note)
            // Two chapters may not put different files at one path of the site.
            for (path, file) in found!.images.sorted(by: { $0.key < $1.key }) {
                if let other = all[path], other.standardizedFileURL != file.standardizedFileURL {
                    note(RenderError(path: source.path, "image path '\(path)' names \(ChapterOrder.displayPath(file)) here but \(ChapterOrder.displayPath(other)) in another chapter; rename one of them"))
                } else {
                    all[path] = file
                }
            }
        }
        return all
    }

    /// Typesets the formulas not seen before, in one pandoc run, and notes the ones pandoc rejects.
    private func typeset(_ chapters: [(path: String, markdown: String)], note: (any Error) -> Void) {
        // Finding the formulas is a scan of the whole text: done again only for a chapter whose text changed.
        let spans = chapters.map { chapter in
            if let known = mathSpans[chapter.path], known.markdown == chapter.markdown { return (path: chapter.path, spans: known.spans) }
            let found = MathProtector(chapter: chapter.markdown).spans
            mathSpans[chapter.path] = (chapter.markdown, found)
            return (path: chapter.path, spans: found)
        }
        let new = Set(spans.flatMap { $0.spans.map { Formula(tex: $0.tex, isDisplay: $0.isDisplay) } })
            .filter { mathML[$0] == nil && mathFailures[$0] == nil }
        if !new.isEmpty {
            do {
                let result = try renderer.typesetter.typeset(Array(new))
                mathML.merge(result.mathML) { $1 }
                mathFailures.merge(result.failures) { $1 }
            } catch {
                // Without pandoc the formulas stay TeX; say so once, on the first chapter with math.
                if let first = spans.first(where: { !$0.spans.isEmpty }) {
                    note(RenderError(path: first.path, line: first.spans[0].line, column: first.spans[0].column, Diagnostic.messages(of: error)))
                }
            }
        }
        for chapter in spans {
            for span in chapter.spans {
                guard let reason = mathFailures[Formula(tex: span.tex, isDisplay: span.isDisplay)] else { continue }
                note(RenderError(path: chapter.path, line: span.line, column: span.column,
                                 "cannot typeset \(span.original) as MathML: \(reason) (pandoc's TeX reader)"))
            }
        }
    }

    /// A box at the top of the article listing the chapter's problems.
    static func insertProblems(_ problems: [String], into page: String) -> String {
        let box = "<div class=\"preview-problems\" role=\"alert\" style=\"border:2px solid #c62828;padding:0 1em;margin:1em 0\">\n"
            + "<p><strong>swiftbook preview: this chapter has problems</strong></p>\n"
            + "<pre class=\"output error\"><samp>\(escapeHTML(problems.joined(separator: "\n")))</samp></pre>\n</div>\n"
        if let range = page.range(of: "<article>\n") { return page.replacingCharacters(in: range.upperBound..<range.upperBound, with: box) }
        if let range = page.range(of: "<main id=\"content\">\n") { return page.replacingCharacters(in: range.upperBound..<range.upperBound, with: box) }
        return page
    }
}
