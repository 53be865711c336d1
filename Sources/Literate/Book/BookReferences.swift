import CCmark
import Foundation

/// The reference targets of a whole book and the problems with its references: the step that
/// turns "[Section](other.md#parameters)" into "Section 2.1" and finds labels that are defined
/// twice or never.
///
/// `render` uses it to number and link; `check` calls `BookReferences.errors(inChapterFiles:)`
/// so a broken reference fails CI before anyone renders.
struct BookReferences: Sendable {
    /// Targets by chapter file name (`custom-layers.md`), then by label ("" for the chapter itself).
    private(set) var targets: [String: [String: ReferenceTarget]] = [:]
    /// Unresolved references and duplicate labels, in book order, with their locations.
    private(set) var errors: [Diagnostic] = []

    /// Reads the labels and references of `chapters` (path and Markdown, in reading order; the
    /// first is chapter 1).
    init(chapters: [(path: String, markdown: String)]) {
        self.init(scanned: chapters.enumerated().map { index, chapter in
            (path: chapter.path, labels: Self.labels(of: chapter.markdown, math: MathProtector(chapter: chapter.markdown),
                                                     chapterNumber: index + 1))
        })
    }

    /// The targets and errors of chapters whose labels are already read, in reading order (the
    /// renderer reads them with the math it found; the preview keeps those of the chapters that
    /// did not change).
    init(scanned: [(path: String, labels: ChapterLabels)]) {
        for chapter in scanned {
            let fileName = URL(fileURLWithPath: chapter.path).lastPathComponent
            targets[fileName] = Dictionary(chapter.labels.targets.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        }
        for chapter in scanned {
            let fileName = URL(fileURLWithPath: chapter.path).lastPathComponent
            for duplicate in chapter.labels.duplicates {
                errors.append(.error("duplicate label '\(duplicate.label)', already defined at line \(duplicate.firstLine); give each label its own name",
                                     path: chapter.path, line: duplicate.line, column: duplicate.column))
            }
            for reference in chapter.labels.references where resolve(reference.url, from: fileName) == nil {
                errors.append(.error("unresolved reference '\(reference.url)': \(Self.why(reference.url, from: fileName, targets: targets))",
                                     path: chapter.path, line: reference.line, column: reference.column))
            }
        }
    }

    /// The target of a reference link `url` written in the chapter `fileName`, if there is one.
    func resolve(_ url: String, from fileName: String) -> ReferenceTarget? {
        Self.resolve(url, from: fileName, in: targets)
    }

    static func resolve(_ url: String, from fileName: String, in targets: [String: [String: ReferenceTarget]]) -> ReferenceTarget? {
        let (file, label) = split(url, from: fileName)
        return targets[file]?[label]
    }

    /// The chapter file name and the label a reference URL names (`other.md#x` gives `other.md`, `x`).
    static func split(_ url: String, from fileName: String) -> (file: String, label: String) {
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let label = parts.count > 1 ? String(parts[1]) : ""
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        return (path.isEmpty ? fileName : (name.removingPercentEncoding ?? name), label)
    }

    /// What to do about an unresolved reference.
    static func why(_ url: String, from fileName: String, targets: [String: [String: ReferenceTarget]]) -> String {
        let (file, label) = split(url, from: fileName)
        guard targets[file] != nil else {
            return "'\(file)' is not a chapter of this book; link to a chapter file such as '\(targets.keys.sorted().first ?? "other.md")'"
        }
        if label.isEmpty { return "a reference needs a label after '#', such as '#section-title' or '#eq-name'" }
        return "\(file) has no section anchor, equation or figure labelled '\(label)'; a section's label is its heading's anchor, an equation's or figure's is its {#label}"
    }

    /// Parses `markdown` as the renderer does (`math` is its math set aside) and reads its labels.
    static func labels(of markdown: String, math: MathProtector, chapterNumber: Int?) -> ChapterLabels {
        let document = cmark_parse_document(math.protectedText, math.protectedText.utf8.count, CMARK_OPT_SOURCEPOS)!
        defer { cmark_node_free(document) }
        return ChapterLabels(document: document, math: math, markdown: markdown, chapterNumber: chapterNumber)
    }

    /// The reference errors of the chapters at `paths` (files in reading order, as `check` runs
    /// them), each at its line and column. Unreadable files are skipped: loading them is
    /// reported elsewhere.
    static func errors(inChapterFiles paths: [String]) -> [Diagnostic] {
        let chapters = paths.compactMap { path -> (path: String, markdown: String)? in
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
            return (path, text)
        }
        return BookReferences(chapters: chapters).errors
    }
}
