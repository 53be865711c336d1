import CCmark

/// Figures in the site. Their files need nothing of their own: a figure line is a local image
/// (`figures/<chapter>-cell<N>.svg`, see `FigureLink`), copied into the site like any other.
enum SiteFigures {
    /// The paragraph of a figure line (see `FigureLink`) right after an output block: hidden
    /// with its cell's output. A paragraph whose only content is an image of `figures/*.svg`.
    static func figureParagraph(after output: OpaquePointer?) -> OpaquePointer? {
        guard let paragraph = output?.nextSibling, paragraph.nodeType == CMARK_NODE_PARAGRAPH,
              let image = paragraph.firstChild, image.nodeType == CMARK_NODE_IMAGE, image.nextSibling == nil,
              image.url.hasPrefix(FigureLink.folderName + "/"), image.url.hasSuffix(".svg") else { return nil }
        return paragraph
    }
}
