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

    /// The numbers (1-based) of the cells whose hash differs, counting cells added or removed.
    func changedCells(comparedWith current: SourceRecord) -> [Int] {
        (0..<max(cells.count, current.cells.count)).filter { index in
            index >= cells.count || index >= current.cells.count || cells[index] != current.cells[index]
        }.map { $0 + 1 }
    }

    /// The first 8 hex digits of the SHA-256 of a cell's options and code.
    static func hash(_ cell: Cell) -> String {
        var hash = SHA256()
        hash.update(field: OptionsDescription.words(cell.options))
        hash.update(field: cell.source)
        return String(hash.hexDigest().prefix(8))
    }
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
