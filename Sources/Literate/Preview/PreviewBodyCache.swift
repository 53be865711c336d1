/// The rendered body of each chapter from the last round, reused while nothing it depends on
/// changed, so a save re-renders only its own chapter (and the others only when a reference
/// target, a page name, the numbering or the typeset math changed).
struct PreviewBodyCache {
    /// Everything `ChapterBody` is made from.
    private struct Inputs: Equatable {
        var markdown: String
        var displays: [Cell.ID: CellDisplay]
        var pageNames: [String: String]
        var chapterNumber: Int
        var targets: [String: [String: ReferenceTarget]]
        var formulas: Int
    }

    private var entries: [String: (inputs: Inputs, body: ChapterBody)] = [:]

    /// The bodies of `sources` in order (the n-th chapter is numbered n + 1), rendered again only
    /// when their inputs changed.
    mutating func bodies(for sources: [ChapterSource], pageNames: [String: String], targets: [String: [String: ReferenceTarget]],
                         mathML: [Formula: String], allowRawHTML: Bool) -> [ChapterBody] {
        var kept: [String: (inputs: Inputs, body: ChapterBody)] = [:]
        let bodies = sources.enumerated().map { index, source -> ChapterBody in
            let inputs = Inputs(markdown: source.markdown, displays: source.displays, pageNames: pageNames, chapterNumber: index + 1,
                                targets: targets, formulas: mathML.count)
            if let entry = entries[source.path], entry.inputs == inputs {
                kept[source.path] = entry
                return entry.body
            }
            let book = BookContext(chapterFile: source.path.split(separator: "/").last.map(String.init) ?? source.path,
                                   chapterNumber: index + 1, targets: targets, mathML: mathML)
            let body = ChapterBody(source: source, pageNames: pageNames,
                                   allowRawHTML: allowRawHTML, book: book)
            kept[source.path] = (inputs, body)
            return body
        }
        entries = kept
        return bodies
    }
}
