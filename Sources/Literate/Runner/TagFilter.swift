/// Which tagged work a run leaves out: `--skip-tags` and `--only-tags` (see `Tags`).
///
/// The rule, since a cell may use anything the cells before it declared:
/// - `--only-tags a,b` picks chapters: a chapter runs when it, or any of its cells, carries one
///   of the tags, and then all its cells run (the untagged ones are what the tagged ones build
///   on). Every other chapter is skipped.
/// - `--skip-tags a,b` skips a cell that carries one of the tags (its own or its chapter's), and
///   every cell after it in the chapter, which may use what it declared. The cells before it run
///   and are checked as usual. So a slow training cell is best placed last, or in its own chapter.
///
/// Skipped cells are reported as `skipped`, never as passed, and keep their recorded outputs.
public struct TagFilter: Sendable, Equatable {
    var skip: Set<String>
    var only: Set<String>

    /// The tags of `--skip-tags` and of `--only-tags` (empty: that option was not given).
    public init(skip: Set<String> = [], only: Set<String> = []) {
        self.skip = skip
        self.only = only
    }

    /// Why the whole chapter is skipped (`not tagged gpu`), or nil when it runs.
    func chapterSkipReason(chapterTags: [String], cellTags: [[String]]) -> String? {
        guard !only.isEmpty else { return nil }
        let carried = Set(chapterTags + cellTags.flatMap { $0 })
        return carried.isDisjoint(with: only) ? "not tagged \(only.sorted().joined(separator: " or "))" : nil
    }

    /// The first cell (0-based index) the skip tags leave out, with the tags that do it; the cells
    /// from there on are skipped.
    func firstSkippedCell(chapterTags: [String], cellTags: [[String]]) -> (index: Int, tags: [String])? {
        guard !skip.isEmpty else { return nil }
        for (index, tags) in cellTags.enumerated() {
            let matching = Set(chapterTags + tags).intersection(skip)
            if !matching.isEmpty { return (index, matching.sorted()) }
        }
        return nil
    }
}
