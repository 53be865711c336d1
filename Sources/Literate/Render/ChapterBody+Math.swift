import CCmark

extension ChapterBody {
    /// Puts math back where the placeholders are: MathML from `book.mathML` (or the TeX, escaped,
    /// when a formula was not typeset) inside `span.math.inline`, `span.math.display`, or
    /// `div.math.display` for a display formula that is a paragraph of its own. A labelled
    /// display formula gets its label as `id` and its number, "(1.3)", at the right.
    ///
    /// Inside an image's alt text, which is plain text, math stays as written (`$x$`).
    static func insertMath(in document: OpaquePointer, math: MathProtector, book: BookContext) {
        guard !math.spans.isEmpty else { return }
        for node in document.descendants() where node.nodeType == CMARK_NODE_PARAGRAPH {
            guard let (span, label) = ChapterLabels.displayEquation(node, math: math) else { continue }
            var attributes = ""
            var number = ""
            if let label {
                attributes = " id=\"\(escapeHTML(label))\""
                if let target = book.targets[book.chapterFile]?[label], !target.number.isEmpty {
                    number = "<span class=\"equation-number\">(\(escapeHTML(target.number)))</span>"
                }
            }
            let html = "<div class=\"math display\"\(attributes)>\(formulaHTML(span, book: book))\(number)</div>\n"
            node.replace(with: rawHTMLNode(block: true, html))
        }
        for node in document.descendants() where node.nodeType == CMARK_NODE_TEXT {
            let pieces = math.pieces(of: node.literal)
            guard pieces.count > 1 || pieces.first != .text(node.literal) else { continue }
            if node.isInsideImage {
                cmark_node_set_literal(node, math.restoringOriginals(in: node.literal))
                continue
            }
            for piece in pieces {
                switch piece {
                case .text(let text):
                    cmark_node_insert_before(node, textNode(text))
                case .math(let span):
                    let kind = span.isDisplay ? "display" : "inline"
                    cmark_node_insert_before(node, rawHTMLNode(block: false, "<span class=\"math \(kind)\">\(formulaHTML(span, book: book))</span>"))
                }
            }
            node.remove()
        }
    }

    /// The MathML of `span`, or its TeX escaped when it was not typeset.
    static func formulaHTML(_ span: MathSpan, book: BookContext) -> String {
        book.mathML[Formula(tex: span.tex, isDisplay: span.isDisplay)] ?? escapeHTML(span.tex)
    }
}

extension OpaquePointer {
    /// True for a node inside an image (whose children are its alt text).
    var isInsideImage: Bool {
        var ancestor = parent
        while let current = ancestor {
            if current.nodeType == CMARK_NODE_IMAGE { return true }
            ancestor = current.parent
        }
        return false
    }
}
