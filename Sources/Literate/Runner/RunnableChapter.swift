/// A loaded chapter as the runner uses it: the one place where running meets the `Chapter`
/// document model (cells, options, settings, splicing, comparison).
struct RunnableChapter: Sendable {
    /// The path as given on the command line; messages and `#sourceLocation` use it.
    let path: String
    let document: Chapter
    let cells: [RunnableCell]

    var seed: UInt64 { document.settings.seed }
    var timeout: Double? { document.settings.timeout }
    var tags: [String] { document.settings.tags }

    /// The chapter `document`, read from `path`.
    init(path: String, document: Chapter) {
        self.path = path
        self.document = document
        cells = document.cells.map(RunnableCell.init)
    }

    /// Reads and parses a chapter; unreadable bytes, invalid UTF-8 or a bad cell option throw.
    static func load(path: String) throws -> RunnableChapter {
        RunnableChapter(path: path, document: try Chapter.load(path: path))
    }

    /// The same chapter read from `bytes` (the file as it is now, edited while the cells ran), if
    /// its cells and settings are still the ones that ran, so their outputs belong in it too.
    func rebased(onto bytes: [UInt8]) -> RunnableChapter? {
        guard let edited = try? Chapter(path: path, bytes: bytes), edited.settings == document.settings,
              edited.cells.map(\.source) == document.cells.map(\.source),
              edited.cells.map(\.options) == document.cells.map(\.options) else { return nil }
        return RunnableChapter(path: path, document: edited)
    }

    /// The chapter's bytes with the given output blocks written or removed.
    func splicing(_ edits: [OutputEdit]) -> [UInt8] {
        document.splicing(edits)
    }
}

/// One swift cell of a chapter, with what the runner needs from it.
struct RunnableCell: Sendable {
    let cell: Cell

    var id: Cell.ID { cell.id }
    var line: Int { cell.location.line }
    var runs: Bool { cell.options.runs }
    var unchecked: Bool { !cell.options.compared }

    /// The cell as the program planner takes it.
    var programCell: ProgramCell { ProgramCell(cell) }

    /// What a passed run of the cell writes into the chapter: its output, or no block when it
    /// printed nothing.
    func outputEdit(printed: String) -> OutputEdit {
        printed.isEmpty ? .remove(id) : .write(id, printed)
    }

    /// The first difference between the recorded output and `actual` beyond the cell's
    /// tolerance, the chapter line it is on, and the diff from recorded to actual. Both are
    /// compared as written in the chapter (`OutputEncoding`), which is also what a diff shows.
    func compare(actual printed: String) -> (mismatch: OutputMismatch, line: Int, diff: String)? {
        let recorded = cell.recordedOutput ?? ""
        let actual = OutputEncoding.encode(printed)
        guard let mismatch = compareOutputs(recorded: recorded, actual: actual, tolerance: cell.options.tolerance) else {
            return nil
        }
        // The output block's first text line is the one after its opening fence.
        let line = cell.outputLocation.map { $0.line + mismatch.line } ?? cell.fenceLocation.line
        return (mismatch, line, unifiedDiff(recorded: recorded, actual: actual))
    }
}
