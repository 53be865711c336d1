/// What the renderer needs from a loaded chapter: its text and how each cell is shown.
///
/// The one place where rendering meets the `Chapter` document model, so the rest of the
/// renderer works on plain values.
struct ChapterSource: Sendable {
    /// The chapter's path as given.
    var path: String
    /// The chapter's Markdown.
    var markdown: String
    /// How each swift cell is shown, in document order.
    var cells: [CellDisplay]

    /// Loads and checks the chapter at `path` (unknown cell options are errors with locations).
    init(loading path: String) throws {
        let chapter = try Chapter.load(path: path)
        self.path = path
        markdown = String(decoding: chapter.bytes, as: UTF8.self)
        cells = chapter.cells.map { cell in
            CellDisplay(isHidden: cell.options.hidden, isNotRun: !cell.options.runs, isExpectedToFail: cell.options.expectsFailure)
        }
    }
}
