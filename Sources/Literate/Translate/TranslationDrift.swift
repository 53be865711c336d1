/// Whether a translation's source changed since it was translated, from the `source=` record
/// the translation carries (`SourceRecord`).
struct TranslationDrift {
    /// Where a translation stands against the source as it is now.
    enum State: Equatable {
        case inSync
        /// The source cells that changed, were added or removed.
        case outdated([Cell.ID])
        /// No `source=` record yet (a new translation), or one that cannot be read.
        case unrecorded
    }

    let translation: Chapter
    let source: Chapter

    /// The translation's cells paired with the source cells they stand for now (unchanged and
    /// changed ones), when the source changed since the recorded version; nil otherwise.
    var pairs: [(translated: Cell.ID, source: Cell.ID)]? {
        guard case .outdated = state, let setting = translation.settings.source,
              let record = SourceRecord(setting: setting) else { return nil }
        return record.changes(comparedWith: SourceRecord(of: source)).compactMap { change in
            switch change {
            case .same(let translated, let source), .changed(let translated, let source): return (translated, source)
            case .added, .removed: return nil
            }
        }
    }

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
        case .outdated:
            guard let setting = translation.settings.source, let record = SourceRecord(setting: setting) else { break }
            for change in record.changes(comparedWith: SourceRecord(of: source)) {
                let mine: Cell?, theirs: Cell?, what: String
                switch change {
                case .same: continue
                case .changed(let translated, let original):
                    (mine, theirs) = (translation.cell(translated), source.cell(original))
                    what = "\(original) differs (\(source.path):\(theirs?.fenceLocation.line ?? 1))"
                case .added(let original):
                    (mine, theirs) = (nil, source.cell(original))
                    what = "\(original) is new in the source (\(source.path):\(theirs?.fenceLocation.line ?? 1))"
                case .removed(let translated):
                    (mine, theirs) = (translation.cell(translated), nil)
                    what = "the source no longer has the cell this translation's \(translated) translates"
                }
                let line = mine?.fenceLocation.line ?? translation.cells.last?.fenceLocation.line ?? 1
                problems.append(at: translation, line: line, column: 1,
                    "source changed since translated: \(what); update the translation, then delete its "
                    + "`source=` comment and run `swiftbook run \(translation.path)` to record the new version",
                    diff: unifiedDiff(recorded: mine?.source ?? "", actual: theirs?.source ?? "",
                                      recordedLabel: "\(source.path) cell as translated",
                                      actualLabel: "\(source.path) cell now"))
            }
        }
        return problems
    }
}
