/// Something a reference can point to: a chapter, a section, a labelled display equation or a
/// figure, with its number in the book.
struct ReferenceTarget: Equatable, Sendable {
    /// What kind of thing is numbered, which decides how a reference to it reads.
    enum Kind: String, Equatable, Sendable {
        case chapter, section, equation, figure

        /// The word a reference shows ("Section").
        var word: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    /// A chapter, a section, an equation or a figure.
    var kind: Kind
    /// The number in the book: "2" for chapter 2, "1.2" for its second section, "1.3" for the
    /// third numbered equation of chapter 1.
    var number: String
    /// The label: a section's heading anchor, an equation's or figure's `{#label}`, "" for the
    /// chapter itself.
    var label: String
    /// The 1-based line where the target is defined in its chapter.
    var line: Int
    /// The 1-based byte column of the definition (1 for headings).
    var column: Int

    /// How a reference to this target reads: "Section 1.2", "Equation (1.3)", "Figure 2.1".
    /// `word` is the reference's own link text; only its capitalisation is kept ("section 1.2").
    func referenceText(as word: String) -> String {
        let name = word.first?.isLowercase == true ? kind.rawValue : kind.word
        guard !number.isEmpty else { return name }
        return "\(name) \(kind == .equation ? "(\(number))" : number)"
    }
}

/// The reference syntax, chosen to read well on a code host where nothing is rendered:
///
/// - A reference is an ordinary Markdown link whose whole text is one of the words `Section`,
///   `Chapter`, `Equation`, `Figure` (any capitalisation): `[Section](#parameters)`,
///   `[Equation](custom-layers.md#eq-outer)`, `[Chapter](custom-layers.md)`. On GitHub it reads
///   "see Section" and section links even work there; the site shows "see Section 1.2".
/// - A section's label is its heading anchor (the GitHub slug), so nothing is added to headings.
/// - A display equation or a figure (an image alone in its paragraph, its alt text the caption)
///   gets a label by ending its paragraph with `{#label}`: `$$ y = Wx $$ {#eq-linear}`.
enum ReferenceSyntax {
    /// The link texts that make a link a reference.
    static let words: Set<String> = ["section", "chapter", "equation", "figure"]

    /// True when a link with this text is a reference.
    static func isReferenceWord(_ text: String) -> Bool {
        words.contains(text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// The label of a `{#label}` attribute (the whole of `text`, spaces around allowed), or nil.
    static func label(inAttribute text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("{#"), trimmed.hasSuffix("}"), trimmed.count > 3 else { return nil }
        let label = trimmed.dropFirst(2).dropLast()
        let allowed = label.allSatisfy { $0.isLetter || $0.isNumber || "-_:.".contains($0) }
        return allowed ? String(label) : nil
    }
}
