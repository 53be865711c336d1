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
}

/// A chapter's Markdown turned into the HTML of its article, plus its headings.
public struct ChapterBody: Sendable {
    /// The HTML of the chapter's content (headings with ids, highlighted cells, escaped raw HTML).
    public var html: String
    /// Every heading in document order.
    public var headings: [Heading]
    /// The first paragraph as plain text, shortened to about 200 characters, for the index.
    public var summary: String?

    /// Renders `markdown` with cmark.
    ///
    /// - Parameters:
    ///   - cells: how each swift cell appears, in document order (the n-th fenced block whose
    ///     info string starts with `swift` is `cells[n]`; missing entries mean "shown normally").
    ///   - pageNames: chapter file names (`other.md`) to page names (`other.html`); a link to a
    ///     file in this map is rewritten to the page, keeping its `#fragment`.
    ///   - allowRawHTML: pass raw HTML through; otherwise it is shown as text (HTML comments,
    ///     such as the `<!-- swiftbook: ... -->` settings, are dropped either way).
    public init(markdown: String, cells: [CellDisplay], pageNames: [String: String], allowRawHTML: Bool) {
        let math = MathProtector(markdown: markdown, verbatimLines: Self.verbatimLines(of: markdown))
        let document = cmark_parse_document(math.protectedText, math.protectedText.utf8.count, CMARK_OPT_DEFAULT)!
        defer { cmark_node_free(document) }

        Self.replaceCells(in: document, cells: cells)
        Self.rewriteRawHTML(in: document, math: math, allowRawHTML: allowRawHTML)
        headings = Self.anchorHeadings(in: document, math: math)
        summary = Self.summary(of: document, math: math)
        Self.insertMath(in: document, math: math)
        Self.rewriteLinks(in: document, math: math, pageNames: pageNames)

        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        let rendered = cmark_render_html(document, options)!
        html = String(cString: rendered)
        free(rendered)
    }

    /// The 1-based lines of code blocks and HTML blocks, where `$` is never math.
    static func verbatimLines(of markdown: String) -> Set<Int> {
        let document = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_SOURCEPOS)!
        defer { cmark_node_free(document) }
        var lines = Set<Int>()
        for node in document.descendants() where node.nodeType == CMARK_NODE_CODE_BLOCK || node.nodeType == CMARK_NODE_HTML_BLOCK {
            let start = Int(cmark_node_get_start_line(node))
            let end = max(start, Int(cmark_node_get_end_line(node)))
            lines.formUnion(start...end)
        }
        return lines
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
    static func anchorHeadings(in document: OpaquePointer, math: MathProtector) -> [Heading] {
        var slugger = HeadingSlugger()
        var headings: [Heading] = []
        for node in document.descendants() where node.nodeType == CMARK_NODE_HEADING {
            let level = Int(cmark_node_get_heading_level(node))
            let raw = node.plainText
            let text = math.replacingMathWithTeX(in: raw).trimmingCharacters(in: .whitespaces)
            let anchor = slugger.uniqueSlug(for: math.restoringOriginals(in: raw))
            headings.append(Heading(level: level, text: text, anchor: anchor))

            let wrapper = rawHTMLNode(block: true, "<h\(level) id=\"\(escapeHTML(anchor))\">", closing: "</h\(level)>\n")
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

    /// Puts math back where the placeholders are, as `span.math` / `div.math`.
    static func insertMath(in document: OpaquePointer, math: MathProtector) {
        guard !math.spans.isEmpty else { return }
        for node in document.descendants() where node.nodeType == CMARK_NODE_TEXT {
            let pieces = math.pieces(of: node.literal)
            guard pieces.count > 1 || pieces.first != .text(node.literal) else { continue }
            let mathSpans = pieces.compactMap { piece -> MathSpan? in
                if case .math(let span) = piece { return span } else { return nil }
            }
            let restIsBlank = pieces.allSatisfy { piece in
                if case .text(let text) = piece { return text.allSatisfy(\.isWhitespace) } else { return true }
            }
            if let parent = node.parent, parent.nodeType == CMARK_NODE_PARAGRAPH,
               parent.firstChild == node, node.nextSibling == nil,
               mathSpans.count == 1, mathSpans[0].isDisplay, restIsBlank {
                let tex = escapeHTML(mathSpans[0].tex)
                parent.replace(with: rawHTMLNode(block: true, "<div class=\"math display\">\(tex)</div>\n"))
                continue
            }
            for piece in pieces {
                switch piece {
                case .text(let text):
                    cmark_node_insert_before(node, textNode(text))
                case .math(let span):
                    let html = span.isDisplay
                        ? "<span class=\"math display\">\(escapeHTML(span.tex))</span>"
                        : "<span class=\"math inline\">\(escapeHTML(span.tex))</span>"
                    cmark_node_insert_before(node, rawHTMLNode(block: false, html))
                }
            }
            node.remove()
        }
    }

    /// Points links to other chapters (`other.md#section`) at their pages (`other.html#section`).
    static func rewriteLinks(in document: OpaquePointer, math: MathProtector, pageNames: [String: String]) {
        for node in document.descendants() where node.nodeType == CMARK_NODE_LINK || node.nodeType == CMARK_NODE_IMAGE {
            let url = math.restoringOriginals(in: node.url)
            let rewritten = node.nodeType == CMARK_NODE_LINK ? LinkRewriter.rewrite(url, pageNames: pageNames) : url
            if rewritten != node.url { cmark_node_set_url(node, rewritten) }
        }
    }
}
