/// Which version of its source's cells a translation was made from: one short hash per source
/// cell, of its options and its exact code (comments and string text included, so a reworded
/// comment in the source also asks for the translation's comment to be looked at again).
///
/// Written into the translation by `swiftbook run` as `<!-- swiftbook: source=3f2a9c1e,... -->`
/// when the translation has none and keeps parity with its source; delete that comment (or the
/// `source=` word) and run again to record the current source once the translation is updated.
struct SourceRecord: Equatable {
    /// The hash of each source cell, in order.
    var cells: [String]

    /// The record of `chapter`'s cells as they are now.
    init(of chapter: Chapter) {
        cells = chapter.cells.map(Self.hash)
    }

    /// Reads a `source=` value; nil if it is not a comma-separated list of hashes.
    init?(setting: String) {
        let parts = setting.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ $0.count == 8 && $0.allSatisfy(\.isHexDigit) }) else { return nil }
        cells = parts
    }

    /// The `source=` value.
    var setting: String { cells.joined(separator: ",") }

    /// The comment `run` adds at the end of a translation.
    var comment: String { "<!-- swiftbook: source=\(setting) -->" }

    /// How the source's cells changed since this record, aligned as a diff aligns lines (the
    /// standard library's shortest difference), so a cell inserted into the source is one
    /// change, not a change of every cell after it.
    func changes(comparedWith current: SourceRecord) -> [SourceChange] {
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in current.cells.difference(from: cells) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var changes: [SourceChange] = []
        var old = 0, new = 0
        while old < cells.count || new < current.cells.count {
            let gone = old < cells.count && removed.contains(old)
            let added = new < current.cells.count && inserted.contains(new)
            switch (gone, added) {
            case (true, true): changes.append(.changed(translated: Cell.ID(index: old), source: Cell.ID(index: new))); old += 1; new += 1
            case (true, false): changes.append(.removed(translated: Cell.ID(index: old))); old += 1
            case (false, true): changes.append(.added(source: Cell.ID(index: new))); new += 1
            case (false, false): changes.append(.same(translated: Cell.ID(index: old), source: Cell.ID(index: new))); old += 1; new += 1
            }
        }
        return changes
    }

    /// The source cells that changed or were added, and the recorded cells that were removed.
    func changedCells(comparedWith current: SourceRecord) -> [Cell.ID] {
        changes(comparedWith: current).compactMap { change in
            switch change {
            case .same: return nil
            case .changed(_, let source), .added(let source): return source
            case .removed(let translated): return translated
            }
        }
    }

    /// The first 8 hex digits of the SHA-256 of a cell's options and code.
    static func hash(_ cell: Cell) -> String {
        var hash = SHA256()
        hash.update(field: OptionsDescription.words(cell.options))
        hash.update(field: cell.source)
        return String(hash.hexDigest().prefix(8))
    }
}

/// One step of the alignment of a translation's cells (made from the recorded source) with the
/// source's cells now: a translation's cell and the source's cell it stands for.
enum SourceChange: Equatable {
    case same(translated: Cell.ID, source: Cell.ID)
    case changed(translated: Cell.ID, source: Cell.ID)
    case added(source: Cell.ID)
    case removed(translated: Cell.ID)
}

/// A cell's options written back as info-string words, for hashes and messages.
enum OptionsDescription {
    static func words(_ options: CellOptions) -> String {
        var words: [String] = []
        if !options.runs { words.append("no-run") }
        if options.expectsFailure { words.append("fails") }
        if options.hidden { words.append("hidden") }
        if !options.compared { words.append("unchecked") }
        if options.tolerance.relative != Tolerance.standard.relative { words.append("rtol=\(options.tolerance.relative)") }
        if options.tolerance.absolute != Tolerance.standard.absolute { words.append("atol=\(options.tolerance.absolute)") }
        return words.isEmpty ? "(none)" : words.joined(separator: " ")
    }
}
