import CCmark

extension ChapterBody {
    /// Turns each figure (an image alone in its paragraph, with alt text) into
    /// `<figure id="label"><img ...><figcaption>Figure 1.2: caption</figcaption></figure>`.
    static func numberFigures(in document: OpaquePointer, math: MathProtector, book: BookContext) {
        var count = 0
        for node in document.descendants() where node.nodeType == CMARK_NODE_PARAGRAPH {
            guard let (image, label) = ChapterLabels.figure(node) else { continue }
            count += 1
            let url = math.restoringOriginals(in: image.url)
            let alt = math.restoringOriginals(in: image.plainText)
            let number = book.chapterNumber.map { "Figure \($0).\(count): " } ?? ""
            let id = label.map { " id=\"\(escapeHTML($0))\"" } ?? ""
            let figure = rawHTMLNode(block: true, "<figure\(id)>\n<img src=\"\(escapeHTML(url))\" alt=\"\(escapeHTML(alt))\">\n<figcaption>\(escapeHTML(number))",
                                     closing: "</figcaption>\n</figure>\n")
            // The caption is the alt text's inline content, so its math and emphasis render.
            while let child = image.firstChild { cmark_node_append_child(figure, child) }
            node.replace(with: figure)
        }
    }

    /// Gives each reference link ("[Section](#parameters)") its text from the target
    /// ("Section 1.2"). Unresolved references are left as written; `BookReferences` reports them.
    static func resolveReferences(in document: OpaquePointer, math: MathProtector, book: BookContext) {
        for node in document.descendants() where node.nodeType == CMARK_NODE_LINK {
            let word = node.plainText.trimmingCharacters(in: .whitespaces)
            guard ReferenceSyntax.isReferenceWord(word) else { continue }
            let url = math.restoringOriginals(in: node.url)
            guard let target = BookReferences.resolve(url, from: book.chapterFile, in: book.targets) else { continue }
            while let child = node.firstChild { child.remove() }
            cmark_node_append_child(node, textNode(target.referenceText(as: word)))
        }
    }
}
