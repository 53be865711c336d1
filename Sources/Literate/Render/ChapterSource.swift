/// A chapter as the renderer takes it: read and parsed once, then handed to every stage that
/// needs it (references, images, math, the page body).
///
/// The one place where rendering meets the `Chapter` document model: the page finds each cell
/// and its output block through `chapter.cells` (see `ChapterBody.replaceCells`).
struct ChapterSource: Sendable {
    /// The chapter's path as given.
    var path: String
    /// The parsed chapter; nil only in the preview, for a text that does not parse (it is shown
    /// with its problems, its code blocks as plain code).
    var chapter: Chapter?
    /// The chapter's Markdown.
    var markdown: String
    /// How each cell is shown (from its options, and in the preview its failure).
    var displays: [Cell.ID: CellDisplay]
    /// The chapter's text with its math set aside, found once for every stage.
    var math: MathProtector

    /// Loads and checks the chapter at `path` (unknown cell options are errors with locations).
    init(loading path: String) throws {
        self.init(path: path, chapter: try Chapter.load(path: path))
    }

    /// The source of a parsed chapter, each cell shown as `display` says (by default, as its options say).
    init(path: String, chapter: Chapter, display: (Cell) -> CellDisplay = { CellDisplay($0) }) {
        self.path = path
        self.chapter = chapter
        markdown = String(decoding: chapter.bytes, as: UTF8.self)
        displays = Dictionary(uniqueKeysWithValues: chapter.cells.map { ($0.id, display($0)) })
        math = MathProtector(chapter: chapter)
    }

    /// A text that does not parse as a chapter (the preview shows it all the same).
    init(path: String, unparsedMarkdown markdown: String) {
        self.path = path
        chapter = nil
        self.markdown = markdown
        displays = [:]
        math = MathProtector(chapter: markdown)
    }

    /// The chapter's cells, in document order.
    var cells: [Cell] { chapter?.cells ?? [] }
}

extension BookReferences {
    /// The references of chapters the renderer has read (their math already found).
    init(sources: [ChapterSource]) {
        self.init(scanned: sources.enumerated().map { index, source in
            (path: source.path, labels: Self.labels(of: source.markdown, math: source.math, chapterNumber: index + 1))
        })
    }
}

extension CellDisplay {
    /// How a cell's options show it.
    init(_ cell: Cell) {
        self.init(isHidden: cell.options.hidden, isNotRun: !cell.options.runs, isExpectedToFail: cell.options.expectsFailure)
    }
}
