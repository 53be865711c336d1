/// Parity between a translation and its source: the same cells in the same order with the same
/// options; each cell's code the same apart from comments and string text (`CodeTokens`); and,
/// where a cell's code is identical, the same recorded output (within the cell's tolerance).
/// The chapter seed must be the same too, or the two would draw different random numbers.
///
/// Every problem is at the translation's line and names the source's line.
struct TranslationParity {
    let translation: Chapter
    let source: Chapter
    /// Which translation cell stands for which source cell, when the source
    /// gained or lost cells since it was translated (`TranslationDrift.pairs`): only those are
    /// compared, as the drift already reports the rest. Nil: cell by cell, in order.
    var pairs: [(translated: Cell.ID, source: Cell.ID)]? = nil

    var problems: [TranslationProblem] {
        var problems: [TranslationProblem] = []
        if translation.settings.seed != source.settings.seed {
            problems.append(at: translation, line: 1, column: 1,
                "the chapter seed is \(translation.settings.seed) here but \(source.settings.seed) in its source "
                + "\(source.path); copy the source's <!-- swiftbook: seed=... --> setting")
        }
        if let pairs {
            for (translated, original) in pairs {
                guard let cell = translation.cell(translated), let counterpart = source.cell(original) else { continue }
                problems += compare(cell, with: counterpart)
            }
            return problems
        }
        for index in 0..<max(translation.cells.count, source.cells.count) {
            guard index < translation.cells.count else {
                let missing = source.cells[index]
                let line = translation.cells.last.map { $0.fenceLocation.line } ?? 1
                problems.append(at: translation, line: line, column: 1,
                    "\(missing.id) of the source (\(source.path):\(missing.fenceLocation.line)) is missing here; "
                    + "the translation has \(translation.cells.count) cells, its source \(source.cells.count)")
                continue
            }
            let cell = translation.cells[index]
            guard index < source.cells.count else {
                problems.append(at: translation, line: cell.fenceLocation.line, column: cell.fenceLocation.column,
                    "\(cell.id) has no counterpart in its source \(source.path), which has "
                    + "\(source.cells.count) cells; a translation keeps the source's cells and adds none")
                continue
            }
            problems += compare(cell, with: source.cells[index])
        }
        return problems
    }

    /// The problems of one cell against the source's cell at the same place.
    private func compare(_ cell: Cell, with original: Cell) -> [TranslationProblem] {
        var problems: [TranslationProblem] = []
        let there = "\(source.path):\(original.fenceLocation.line)"
        if cell.options != original.options {
            problems.append(at: translation, line: cell.fenceLocation.line, column: cell.fenceLocation.column,
                "\(cell.id) has options '\(OptionsDescription.words(cell.options))' but the source's "
                + "cell (\(there)) has '\(OptionsDescription.words(original.options))'; use the source's info string")
        }
        if let difference = CodeTokens(cell.source).firstDifference(from: CodeTokens(original.source)) {
            let line = difference.mine.map { cell.location.line + $0.line - 1 } ?? cell.location.line
            let column = difference.mine.map { $0.line == 1 ? cell.location.column + $0.column - 1 : $0.column } ?? 1
            let sourceLine = difference.theirs.map { original.location.line + $0.line - 1 } ?? original.location.line
            problems.append(at: translation, line: line, column: column,
                "\(cell.id) differs from its source (\(source.path):\(sourceLine)) in more than comments "
                + "and string text: \(Self.show(difference.mine)) here, \(Self.show(difference.theirs)) in the source",
                diff: unifiedDiff(recorded: original.source, actual: cell.source,
                                  recordedLabel: "\(source.path) \(original.id)",
                                  actualLabel: "\(translation.path) \(cell.id)"))
        } else if cell.source == original.source, cell.options.runs, cell.options.compared,
                  let recorded = original.recordedOutput {
            let translated = cell.recordedOutput ?? ""
            if compareOutputs(recorded: recorded, actual: translated, tolerance: original.options.tolerance) != nil {
                let at = cell.outputLocation ?? cell.fenceLocation
                problems.append(at: translation, line: at.line, column: at.column,
                    "\(cell.id) has the same code as its source's (\(there)) but a different output "
                    + "from the one recorded there; run `swiftbook run` on both",
                    diff: unifiedDiff(recorded: recorded, actual: translated,
                                      recordedLabel: "\(source.path) \(original.id)",
                                      actualLabel: "\(translation.path) \(cell.id)"))
            }
        }
        return problems
    }

    private static func show(_ token: CodeTokens.Token?) -> String {
        guard let token else { return "the end of the cell" }
        if case .stringSegment = token.kind { return "string text" }
        return "'\(token.text)'"
    }
}

extension Array where Element == TranslationProblem {
    mutating func append(at chapter: Chapter, line: Int, column: Int, _ message: String, diff: String? = nil) {
        append(TranslationProblem(path: chapter.path, line: line, column: column, message: message, diff: diff))
    }
}
