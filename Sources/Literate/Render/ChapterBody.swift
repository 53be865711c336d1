import CCmark
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One heading of a chapter, as listed in its table of contents.
public struct Heading: Equatable, Sendable {
    /// 1 for `#`, 2 for `##`, ...
    public var level: Int
    /// The heading's plain text (math shown as its TeX).
    public var text: String
    /// The heading's `id`, a GitHub-style slug unique on the page.
    public var anchor: String
    /// The heading's number in the book ("1.2"), when the chapter is rendered as part of one.
    public var number: String? = nil
}

/// What a chapter page needs from the rest of the book.
public struct BookContext: Sendable {
    /// The chapter's file name (`custom-layers.md`), for resolving `#label` references.
    public var chapterFile: String
    /// The chapter's place in the book, 1-based; nil leaves headings unnumbered.
    public var chapterNumber: Int?
    /// The book's reference targets (see `BookReferences`).
    public var targets: [String: [String: ReferenceTarget]]
    /// The MathML of every formula (see `MathTypesetter`); a formula missing here is shown as TeX.
    public var mathML: [Formula: String]

    /// A context for the chapter `chapterFile`; the defaults number nothing and leave math as TeX.
    public init(chapterFile: String = "", chapterNumber: Int? = nil,
                targets: [String: [String: ReferenceTarget]] = [:], mathML: [Formula: String] = [:]) {
        self.chapterFile = chapterFile
        self.chapterNumber = chapterNumber
        self.targets = targets
        self.mathML = mathML
    }
}

/// A chapter's Markdown turned into the HTML of its article, plus its headings.
public struct ChapterBody: Sendable {
    /// The HTML of the chapter's content (headings with ids, highlighted cells, escaped raw HTML).
    public var html: String
    /// Every heading in document order.
    public var headings: [Heading]
    /// The first paragraph as plain text, shortened to about 200 characters, for the index.
    public var summary: String?
    /// The chapter's text cut at its headings, for the search index.
    public var sections: [SearchSection]

    /// Renders `markdown` with cmark.
    ///
    /// - Parameters:
    ///   - cells: how each swift cell appears, in document order (the n-th fenced block whose
    ///     info string starts with `swift` is `cells[n]`; missing entries mean "shown normally").
    ///   - pageNames: chapter file names (`other.md`) to page names (`other.html`); a link to a
    ///     file in this map is rewritten to the page, keeping its `#fragment`.
    ///   - allowRawHTML: pass raw HTML through; otherwise it is shown as text (HTML comments,
    ///     such as the `<!-- swiftbook: ... -->` settings, are dropped either way).
    ///   - book: the chapter's number, the book's reference targets and its typeset math.
    public init(markdown: String, cells: [CellDisplay], pageNames: [String: String], allowRawHTML: Bool,
                book: BookContext = BookContext()) {
        let math = MathProtector(chapter: markdown)
        let document = cmark_parse_document(math.protectedText, math.protectedText.utf8.count, CMARK_OPT_SOURCEPOS)!
        defer { cmark_node_free(document) }
        let labels = ChapterLabels(document: document, math: math, markdown: markdown, chapterNumber: book.chapterNumber)

        Self.replaceCells(in: document, cells: cells)
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

    /// The 1-based lines of code blocks and HTML blocks, where `$` is never math.
    static func verbatimLines(of markdown: String) -> Set<Int> {
        blockLines(of: markdown).verbatim
    }

    /// How cmark reads the chapter's lines: the lines of code and HTML blocks (`verbatim`), and
    /// for each line of a paragraph or heading the first line of that block (`inline`), so that
    /// a math span never runs from one block into the next.
    static func blockLines(of markdown: String) -> (verbatim: Set<Int>, inline: [Int: Int]) {
        let document = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_SOURCEPOS)!
        defer { cmark_node_free(document) }
        var verbatim = Set<Int>()
        var inline: [Int: Int] = [:]
        for node in document.descendants() {
            let start = Int(cmark_node_get_start_line(node))
            let end = max(start, Int(cmark_node_get_end_line(node)))
            switch node.nodeType {
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK: verbatim.formUnion(start...end)
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING: for line in start...end { inline[line] = start }
            default: break
            }
        }
        return (verbatim, inline)
    }

    /// The first word of a code block's info string (`swift` in "swift no-run").
    static func language(of node: OpaquePointer) -> Substring {
        node.fenceInfo.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""
    }

    /// Replaces each swift cell and the output block right after it with the cell's HTML.
    static func replaceCells(in document: OpaquePointer, cells: [CellDisplay]) {
        let cellNodes = document.descendants().filter {
            $0.nodeType == CMARK_NODE_CODE_BLOCK && language(of: $0) == "swift"
        }
        let plans = cellNodes.enumerated().map { index, node in
            let next = node.nextSibling
            let output = next.flatMap { $0.nodeType == CMARK_NODE_CODE_BLOCK && language(of: $0) == "output" ? $0 : nil }
            return (node: node, output: output, display: index < cells.count ? cells[index] : CellDisplay())
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
