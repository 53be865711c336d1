/// Whether a translation's source changed since it was translated, from the `source=` record
/// the translation carries (`SourceRecord`).
struct TranslationDrift {
    /// Where a translation stands against the source as it is now.
    enum State: Equatable {
        case inSync
        /// The source cells (1-based numbers) that changed, were added or removed.
        case outdated([Int])
        /// No `source=` record yet (a new translation), or one that cannot be read.
        case unrecorded
    }

    let translation: Chapter
    let source: Chapter

    var state: State {
        guard let setting = translation.settings.source, let record = SourceRecord(setting: setting) else { return .unrecorded }
        let changed = record.changedCells(comparedWith: SourceRecord(of: source))
        return changed.isEmpty ? .inSync : .outdated(changed)
    }

    /// One error per changed cell, at the translation's cell, followed by the source's own change:
    /// the translation's code (the source's code as it was, give or take translated comments
    /// and strings) against the source's code now.
    var problems: [TranslationProblem] {
        var problems: [TranslationProblem] = []
        switch state {
        case .inSync:
            break
        case .unrecorded:
            let what = translation.settings.source == nil ? "does not record" : "has an unreadable source= record of"
            problems.append(at: translation, line: 1, column: 1,
                "this translation of \(source.path) \(what) the version of its source's cells it was made from; "
                + "run `swiftbook run \(translation.path)` to record it (once its cells keep parity with the source)")
        case .outdated(let numbers):
            for number in numbers {
                let index = number - 1
                let mine = index < translation.cells.count ? translation.cells[index] : nil
                let theirs = index < source.cells.count ? source.cells[index] : nil
                let line = mine?.fenceLocation.line ?? translation.cells.last?.fenceLocation.line ?? 1
                let change: String
                if let theirs {
                    change = mine == nil ? "cell \(number) is new in the source (\(source.path):\(theirs.fenceLocation.line))"
                        : "cell \(number) differs (\(source.path):\(theirs.fenceLocation.line))"
                } else {
                    change = "cell \(number) was removed from the source"
                }
                problems.append(at: translation, line: line, column: 1,
                    "source changed since translated: \(change); update the translation, then delete its "
                    + "`source=` comment and run `swiftbook run \(translation.path)` to record the new version",
                    diff: unifiedDiff(recorded: mine?.source ?? "", actual: theirs?.source ?? "",
                                      recordedLabel: "\(source.path) cell \(number) as translated",
                                      actualLabel: "\(source.path) cell \(number) now"))
            }
        }
        return problems
    }
}
