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

    /// Reads and parses a chapter; unreadable bytes, invalid UTF-8 or a bad cell option throw.
    static func load(path: String) throws -> RunnableChapter {
        let document = try Chapter.load(path: path)
        let cells = document.cells.map { RunnableCell(number: $0.index + 1, cell: $0) }
        return RunnableChapter(path: path, document: document, cells: cells)
    }

    /// The same chapter read from `bytes` (the file as it is now, edited while the cells ran), if
    /// its cells and settings are still the ones that ran, so their outputs belong in it too.
    func rebased(onto bytes: [UInt8]) -> RunnableChapter? {
        guard let edited = try? Chapter(path: path, bytes: bytes), edited.settings == document.settings,
              edited.cells.map(\.source) == document.cells.map(\.source),
              edited.cells.map(\.options) == document.cells.map(\.options) else { return nil }
        return RunnableChapter(path: path, document: edited,
                               cells: edited.cells.map { RunnableCell(number: $0.index + 1, cell: $0) })
    }

    /// The chapter's bytes with the outputs of the given cells (by number) replaced; an empty
    /// output removes the cell's output block.
    func splicing(_ outputs: [Int: String]) -> [UInt8] {
        var byIndex: [Int: String?] = [:]
        for (number, output) in outputs { byIndex[number - 1] = output }
        return document.splicing(outputs: byIndex)
    }
}

/// One swift cell of a chapter, with what the runner needs from it.
struct RunnableCell: Sendable {
    let number: Int
    let cell: Cell

    var line: Int { cell.location.line }
    var runs: Bool { cell.options.runs }
    var unchecked: Bool { !cell.options.compared }

    /// The cell as the program planner takes it. `location.column` is where the code starts in
    /// the file, so the indentation removed from the code is one less.
    var programCell: ProgramCell {
        ProgramCell(number: number, code: cell.source, line: cell.location.line,
                    indentation: cell.location.column - 1, expectsFailure: cell.options.expectsFailure)
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
