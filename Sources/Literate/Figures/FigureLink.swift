import Foundation

/// The image line swiftbook writes right after the output block of a cell that shows a figure,
/// so that the Markdown shows the picture on a code host (images inside a fenced block do not
/// render), and the SVG file it points to.
///
/// The line is `![<title>](figures/<chapter>-cell<N>.svg)` at the output block's container prefix:
/// `<chapter>` is the chapter's file name without `.md` and `N` the cell's number (from 1), so the
/// name stays the same from run to run. swiftbook owns such a line when it directly follows an
/// output block (or, once the block is gone, the cell) and names a file of this chapter; no
/// other line is ever touched.
struct FigureLink: Equatable, Sendable {
    /// The folder beside the chapter that holds its figures.
    static let folderName = "figures"

    /// The chapter's file name without `.md`.
    var chapterStem: String
    var cell: Cell.ID
    /// The alt text: the figure's title.
    var title: String

    /// `figures/layers-and-modules-cell7.svg`: the file's path relative to the chapter's folder.
    var relativePath: String { "\(FigureLink.folderName)/\(FigureLink.fileName(chapterStem: chapterStem, cell: cell))" }

    static func fileName(chapterStem: String, cell: Cell.ID) -> String { "\(chapterStem)-cell\(cell.number).svg" }

    /// `layers-and-modules` for `Chapters/layers-and-modules.md`.
    static func chapterStem(ofPath path: String) -> String {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// The cell of a figure file name of this chapter (`<stem>-cell<N>.svg`), else nil.
    static func cell(ofFileName name: String, chapterStem: String) -> Cell.ID? {
        let prefix = "\(chapterStem)-cell", suffix = ".svg"
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let digits = name.dropFirst(prefix.count).dropLast(suffix.count)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits).map(Cell.ID.init(number:))
    }

    /// The line's text after its container prefix. The title's `\`, `[` and `]` are escaped and
    /// its line breaks become spaces, so it stays one line of alt text.
    var markdown: String {
        var alt = ""
        for character in title.isEmpty ? "figure" : title {
            switch character {
            case "\\", "[", "]": alt += "\\\(character)"
            case "\n", "\r", "\r\n": alt += " "
            default: alt.append(character)
            }
        }
        return "![\(alt)](\(relativePath))"
    }

    /// The figure file a line names when swiftbook owns it (see above): its relative path, else nil.
    static func ownedPath(inLine line: String, chapterStem: String) -> String? {
        let text = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
        guard text.hasPrefix("!["), text.hasSuffix(")"),
              let open = text.range(of: "](\(folderName)/", options: .backwards) else { return nil }
        let name = String(text[open.upperBound...].dropLast())
        guard cell(ofFileName: name, chapterStem: chapterStem) != nil else { return nil }
        return "\(folderName)/\(name)"
    }
}
