import Foundation

/// Figures in `run` and `check`: what `ChapterJob` calls, so the job itself only gathers each
/// cell's figure (`CellOutcome.figure`) beside its output.
extension RunnableChapter {
    /// `splicing(_:)`, then the figure line after each given cell's output (see `FigureLink`):
    /// a cell with an SVG gets a line to its file, a cell without one loses its line.
    func splicing(_ edits: [OutputEdit], figures: [Cell.ID: String?]) -> [UInt8] {
        let spliced = splicing(edits)
        guard !figures.isEmpty, let after = try? Chapter(path: path, bytes: spliced) else { return spliced }
        let stem = FigureLink.chapterStem(ofPath: path)
        var links: [Cell.ID: FigureLink?] = [:]
        for (cell, svg) in figures {
            links[cell] = .some(svg.map { FigureLink(chapterStem: stem, cell: cell, title: FigureData(svg: $0)?.title ?? "") })
        }
        return after.splicingFigureLinks(links)
    }

    /// After the chapter is written: the SVG files of the cells that ran (see `FigureFiles`).
    func writeFigureFiles(_ figures: [Cell.ID: String?]) -> [String] {
        FigureFiles(chapterPath: path).update(figures, cellCount: cells.count)
    }
}

extension RunnableCell {
    /// `check` for a cell's figure: the figure recorded in the chapter (the line after the output
    /// block and the SVG file it names) against the one the cell showed now (`svg`), compared by
    /// their data with the cell's tolerance (see `FigureData.comparableText`). Nil when they agree.
    func compareFigure(actual svg: String?, in chapter: RunnableChapter) -> ChapterReport.Problem? {
        let recorded = chapter.document.recordedFigurePath(ofCell: id)
        let line = recorded?.line ?? cell.outputLocation.map { $0.line } ?? self.line
        let expected = FigureLink(chapterStem: FigureLink.chapterStem(ofPath: chapter.path), cell: id, title: "")
        func stale(_ kind: MismatchKind, _ message: String, diff: String? = nil) -> ChapterReport.Problem {
            .init(line: line, column: nil, kind: .init(kind), message: "\(message) (\(id))", diff: diff)
        }
        guard let svg else {
            guard let recorded else { return nil }
            return stale(.vanishedOutput, "the chapter shows the figure \(recorded.path), but the cell no longer shows a figure")
        }
        guard let actual = FigureData(svg: svg) else { return stale(.changedShape, "the cell's figure could not be read back") }
        guard let recorded else {
            return stale(.missingOutput, "figure not recorded: the cell shows \"\(actual.title)\"; run `swiftbook run` to write \(expected.relativePath)")
        }
        guard recorded.path == expected.relativePath else {
            return stale(.changedText, "the figure line names \(recorded.path), but this cell's figure is \(expected.relativePath)")
        }
        let file = URL(fileURLWithPath: chapter.path).deletingLastPathComponent().appendingPathComponent(recorded.path)
        guard let text = try? String(contentsOf: file, encoding: .utf8), let old = FigureData(svg: text) else {
            return stale(.missingOutput, "the figure file \(file.path) is missing or not a figure; run `swiftbook run` to write it")
        }
        guard let mismatch = compareOutputs(recorded: old.comparableText, actual: actual.comparableText, tolerance: cell.options.tolerance) else {
            return nil
        }
        return stale(mismatch.kind, "figure \(recorded.path) changed: \(mismatch)",
                     diff: unifiedDiff(recorded: old.comparableText, actual: actual.comparableText))
    }
}
