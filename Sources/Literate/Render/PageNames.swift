/// Page file names for chapters: `custom-layers.md` is published as `custom-layers.html`.
///
/// The name comes only from the chapter's base name, with every character other than ASCII
/// letters, digits, `-`, `_` and `.` replaced by `-` and leading dots and dashes removed, so a
/// page can never be written outside the output folder or hidden. `index` is reserved for the
/// table of contents, so a chapter `index.md` becomes `index-chapter.html`.
enum PageNames {
    /// The page name for the chapter file named `fileName` (`a b.md` gives `a-b.html`).
    static func pageName(forChapterFile fileName: String) -> String {
        var base = Substring(fileName)
        if base.hasSuffix(".md") { base = base.dropLast(3) }
        var name = String(base.unicodeScalars.map { scalar -> Character in
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
            return allowed ? Character(scalar) : "-"
        })
        while name.hasPrefix(".") || name.hasPrefix("-") { name.removeFirst() }
        if name.isEmpty { name = "chapter" }
        if name.lowercased() == "index" { name = "index-chapter" }
        return name + ".html"
    }
}
