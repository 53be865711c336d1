/// Makes heading anchors the way GitHub does, so `other.md#section` links that work on the
/// code host keep working in the site.
///
/// The slug of a heading's text is: lowercased, every character that is not a letter, a digit,
/// a space, `-` or `_` dropped, and each space replaced by `-` (`"Layers & Modules!"` becomes
/// `"layers--modules"`). A slug seen before on the same page gets `-1`, `-2`, ... appended.
struct HeadingSlugger {
    private var used: [String: Int] = [:]

    /// A slugger with no slugs used yet (one per page).
    init() {}

    /// The slug of `text` without de-duplication.
    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character == " " {
                slug.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                slug.append(character)
            }
        }
        return slug
    }

    /// The next unique slug for `text` on this page.
    mutating func uniqueSlug(for text: String) -> String {
        let slug = Self.slug(text)
        // An id must not be empty: a heading of punctuation only still gets an anchor.
        let base = slug.isEmpty ? "section" : slug
        var candidate = base
        if let count = used[base] {
            var suffix = count
            repeat {
                candidate = "\(base)-\(suffix)"
                suffix += 1
            } while used[candidate] != nil
            used[base] = suffix
        } else {
            used[base] = 1
        }
        used[candidate] = used[candidate] ?? 1
        return candidate
    }
}
