import CCmark
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One heading of a chapter, as listed in its table of contents.
struct Heading: Equatable, Sendable {
    /// 1 for `#`, 2 for `##`, ...
    var level: Int
    /// The heading's plain text (math shown as its TeX).
    var text: String
    /// The heading's `id`, a GitHub-style slug unique on the page.
    var anchor: String
    /// The heading's number in the book ("1.2"), when the chapter is rendered as part of one.
    var number: String? = nil
}

/// What a chapter page needs from the rest of the book.
struct BookContext: Sendable {
    /// The chapter's file name (`custom-layers.md`), for resolving `#label` references.
    var chapterFile: String
    /// The chapter's place in the book, 1-based; nil leaves headings unnumbered.
    var chapterNumber: Int?
    /// The book's reference targets (see `BookReferences`).
    var targets: [String: [String: ReferenceTarget]]
    /// The MathML of every formula (see `MathTypesetter`); a formula missing here is shown as TeX.
    var mathML: [Formula: String]

    /// A context for the chapter `chapterFile`; the defaults number nothing and leave math as TeX.
    init(chapterFile: String = "", chapterNumber: Int? = nil,
                targets: [String: [String: ReferenceTarget]] = [:], mathML: [Formula: String] = [:]) {
        self.chapterFile = chapterFile
        self.chapterNumber = chapterNumber
        self.targets = targets
        self.mathML = mathML
    }
}

/// A chapter's Markdown turned into the HTML of its article, plus its headings.
struct ChapterBody: Sendable {
    /// The HTML of the chapter's content (headings with ids, highlighted cells, escaped raw HTML).
    var html: String
    /// Every heading in document order.
    var headings: [Heading]
    /// The first paragraph as plain text, shortened to about 200 characters, for the index.
    var summary: String?
    /// The chapter's text cut at its headings, for the search index.
    var sections: [SearchSection]

    /// Renders a chapter with cmark, each cell as its options say.
    ///
    /// - Parameters:
    ///   - pageNames: chapter file names (`other.md`) to page names (`other.html`); a link to a
    ///     file in this map is rewritten to the page, keeping its `#fragment`.
    ///   - allowRawHTML: pass raw HTML through; otherwise it is shown as text (HTML comments,
    ///     such as the `<!-- swiftbook: ... -->` settings, are dropped either way).
    ///   - book: the chapter's number, the book's reference targets and its typeset math.
    init(chapter: Chapter, pageNames: [String: String], allowRawHTML: Bool, book: BookContext = BookContext()) {
        self.init(source: ChapterSource(path: chapter.path, chapter: chapter), pageNames: pageNames, allowRawHTML: allowRawHTML,
                  book: book)
    }

    /// Renders a chapter source with cmark; its cells appear as `source.displays` says.
    init(source: ChapterSource, pageNames: [String: String], allowRawHTML: Bool, book: BookContext = BookContext()) {
        let math = source.math, markdown = source.markdown
        let document = cmark_parse_document(math.protectedText, math.protectedText.utf8.count, CMARK_OPT_SOURCEPOS)!
        defer { cmark_node_free(document) }
        let labels = ChapterLabels(document: document, math: math, markdown: markdown, chapterNumber: book.chapterNumber)

        Self.replaceCells(in: document, math: math, cells: source.cells, displays: source.displays)
        Self.rewriteRawHTML(in: document, math: math, allowRawHTML: allowRawHTML)
        Self.resolveReferences(in: document, math: math, book: book)
        sections = Self.searchSections(of: document, math: math, numbers: labels.headingNumbers)
        headings = Self.anchorHeadings(in: document, math: math, numbers: labels.headingNumbers)
        summary = Self.summary(of: document, math: math)
        Self.numberFigures(in: document, math: math, book: book)
        Self.insertMath(in: document, math: math, book: book)
        Self.rewriteLinks(in: document, math: math, pageNames: pageNames)

        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        let rendered = cmark_render_html(document, options)!
        html = String(cString: rendered)
        free(rendered)
    }

    /// Replaces each swift cell and its output block with the cell's HTML.
    ///
    /// The cells are the document model's (`Chapter.cells`, which decides what a cell and its
    /// output are); a code block node is a cell or an output block when it starts on that cell's
    /// fence or output fence line (`document` is parsed from `math.protectedText`, whose lines
    /// `math` maps back to the chapter's).
    static func replaceCells(in document: OpaquePointer, math: MathProtector, cells: [Cell], displays: [Cell.ID: CellDisplay]) {
        let cellsByLine = Dictionary(cells.map { ($0.fenceLocation.line, $0) }, uniquingKeysWith: { first, _ in first })
        let outputLines = Set(cells.compactMap { $0.outputLocation?.line })
        var cellNodes: [(node: OpaquePointer, cell: Cell)] = []
        var outputNodes: [Int: OpaquePointer] = [:]
        for node in document.descendants() where node.nodeType == CMARK_NODE_CODE_BLOCK {
            let line = math.originalLine(ofProtectedLine: Int(cmark_node_get_start_line(node)))
            if let cell = cellsByLine[line] {
                cellNodes.append((node, cell))
            } else if outputLines.contains(line) {
                outputNodes[line] = node
            }
        }
        let plans = cellNodes.map { node, cell in
            (node: node, output: cell.outputLocation.flatMap { outputNodes[$0.line] }, display: displays[cell.id] ?? CellDisplay())
        }
        for plan in plans {
            if plan.display.isHidden {
                SiteFigures.figureParagraph(after: plan.output)?.remove()  // its figure goes too
                plan.output?.remove()
                plan.node.remove()
                continue
            }
            let html = CellHTML.render(source: plan.node.literal, output: plan.output?.literal, display: plan.display)
            plan.output?.remove()
            plan.node.replace(with: rawHTMLNode(block: true, html))
        }
    }

    /// Drops HTML comments and, unless raw HTML is allowed, turns other HTML into visible text.
    static func rewriteRawHTML(in document: OpaquePointer, math: MathProtector, allowRawHTML: Bool) {
        for node in document.descendants() {
            let isBlock = node.nodeType == CMARK_NODE_HTML_BLOCK
            guard isBlock || node.nodeType == CMARK_NODE_HTML_INLINE else { continue }
            let literal = math.restoringOriginals(in: node.literal)
            let trimmed = literal.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->") {
                node.remove()
            } else if allowRawHTML {
                cmark_node_set_literal(node, literal)
            } else if isBlock {
                node.replace(with: rawHTMLNode(block: true, "<p class=\"raw-html\">\(escapeHTML(trimmed))</p>"))
            } else {
                node.replace(with: textNode(literal))
            }
        }
    }

    /// Gives every heading a unique GitHub-style id and returns the headings.
    /// Numbered headings start with `<span class="number">1.2</span>`.
    static func anchorHeadings(in document: OpaquePointer, math: MathProtector, numbers: [String?]) -> [Heading] {
        var slugger = HeadingSlugger()
        var headings: [Heading] = []
        for node in document.descendants() where node.nodeType == CMARK_NODE_HEADING {
            let level = Int(cmark_node_get_heading_level(node))
            let raw = node.plainText
            let text = math.replacingMathWithTeX(in: raw).trimmingCharacters(in: .whitespaces)
            let anchor = slugger.uniqueSlug(for: math.restoringOriginals(in: raw))
            let number = headings.count < numbers.count ? numbers[headings.count] : nil
            headings.append(Heading(level: level, text: text, anchor: anchor, number: number))

            let numberHTML = number.map { "<span class=\"number\">\(escapeHTML($0))</span> " } ?? ""
            let wrapper = rawHTMLNode(block: true, "<h\(level) id=\"\(escapeHTML(anchor))\">\(numberHTML)", closing: "</h\(level)>\n")
            cmark_node_insert_before(node, wrapper)
            while let child = node.firstChild { cmark_node_append_child(wrapper, child) }
            node.remove()
        }
        return headings
    }

    /// The first top-level paragraph as plain text, cut at a word near 200 characters.
    static func summary(of document: OpaquePointer, math: MathProtector) -> String? {
        var node = document.firstChild
        while let current = node, current.nodeType != CMARK_NODE_PARAGRAPH { node = current.nextSibling }
        guard let paragraph = node else { return nil }
        let text = math.replacingMathWithTeX(in: paragraph.plainText)
        guard text.count > 200 else { return text }
        let cut = text.prefix(200)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
    }

    /// Points links to other chapters (`other.md#section`) at their pages (`other.html#section`).
    static func rewriteLinks(in document: OpaquePointer, math: MathProtector, pageNames: [String: String]) {
        for node in document.descendants() where node.nodeType == CMARK_NODE_LINK || node.nodeType == CMARK_NODE_IMAGE {
            let url = math.restoringOriginals(in: node.url)
            let rewritten = node.nodeType == CMARK_NODE_LINK ? LinkRewriter.rewrite(url, pageNames: pageNames) : url
            if rewritten != node.url { cmark_node_set_url(node, rewritten) }
            // A title is plain text: math in it stays as written.
            if let title = cmark_node_get_title(node).map({ String(cString: $0) }), title.contains(MathProtector.open) {
                cmark_node_set_title(node, math.restoringOriginals(in: title))
            }
        }
    }
}
