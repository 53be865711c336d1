/// Tags mark chapters and cells that need a special machine or much time, so a run can leave
/// them out (`--skip-tags`) or do only them (`--only-tags`).
///
/// Spelled `tags=slow,gpu` after `swift` in a cell's info string, and in a chapter's settings
/// comment (`<!-- swiftbook: tags=gpu -->`), where they apply to every cell of the chapter.
/// A tag is lowercase letters, digits and `-` (`slow`, `gpu`, `needs-network`).
public enum Tags {
    /// The tags of `tags=a,b` (the text after `=`), or nil when one is empty or badly spelled.
    public static func parse(_ list: some StringProtocol) -> [String]? {
        let tags = String(list).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !tags.isEmpty, tags.allSatisfy(isValid) else { return nil }
        var seen: Set<String> = []
        return tags.filter { seen.insert($0).inserted }
    }

    /// Whether `tag` is a tag's spelling: lowercase ASCII letters, digits and `-`, starting with a letter.
    static func isValid(_ tag: String) -> Bool {
        guard let first = tag.utf8.first, (97...122).contains(first) else { return false }
        return tag.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == UInt8(ascii: "-") }
    }

    /// How a bad list is explained, with the way to write it.
    static func problem(_ word: some StringProtocol) -> String {
        "'\(word)' needs a comma-separated list of tags (lowercase letters, digits, '-'), as in tags=slow,gpu"
    }
}
