import CCmark

/// The numbered things of one chapter (its title, sections, labelled display equations,
/// figures) and the references it makes, read from the chapter's parsed document.
///
/// Numbers follow a book: chapter `c` (its place in `ORDER`), sections `c.k` for `##` and
/// `c.k.j` for `###`, and equations and figures `c.k` in the order they appear. Only display
/// equations with a `{#label}` are numbered; every figure is. See `ReferenceSyntax`.
struct ChapterLabels {
    /// A reference made by the chapter: a link whose text is a reference word.
    struct Reference: Equatable {
        /// The link destination as written (`#parameters`, `other.md#eq-outer`, `other.md`).
        var url: String
        /// The link text ("Section").
        var word: String
        var line: Int
        var column: Int
    }

    /// A label defined twice in one chapter.
    struct Duplicate: Equatable {
        var label: String
        var line: Int
        var column: Int
        var firstLine: Int
    }

    /// Each heading's number in document order (nil when it has none).
    var headingNumbers: [String?] = []
    /// Everything the chapter's references and other chapters may point to.
    var targets: [ReferenceTarget] = []
    /// The references, in document order.
    var references: [Reference] = []
    /// Labels defined more than once.
    var duplicates: [Duplicate] = []

    /// Reads `document` (parsed from `math.protectedText` with `CMARK_OPT_SOURCEPOS`).
    ///
    /// - Parameters:
    ///   - markdown: the chapter as written, for locating references.
    ///   - chapterNumber: the chapter's place in the book; nil numbers nothing.
    init(document: OpaquePointer, math: MathProtector, markdown: String, chapterNumber: Int?) {
        let source = SourceLines(markdown)
        var slugger = HeadingSlugger()
        var counters = [0, 0]
        var equations = 0, figures = 0
        var seenChapter = false
        var firstLines: [String: Int] = [:]

        func define(_ target: ReferenceTarget) {
            if let first = firstLines[target.label] {
                duplicates.append(Duplicate(label: target.label, line: target.line, column: target.column, firstLine: first))
            } else {
                firstLines[target.label] = target.line
                targets.append(target)
            }
        }

        for node in document.descendants() {
            let line = math.originalLine(ofProtectedLine: Int(cmark_node_get_start_line(node)))
            switch node.nodeType {
            case CMARK_NODE_HEADING:
                let level = Int(cmark_node_get_heading_level(node))
                let anchor = slugger.uniqueSlug(for: math.restoringOriginals(in: node.plainText))
                var number: String?
                var kind = ReferenceTarget.Kind.section
                if let chapter = chapterNumber {
                    if level == 1 && !seenChapter {
                        number = "\(chapter)"
                        kind = .chapter
                        seenChapter = true
                        targets.append(ReferenceTarget(kind: .chapter, number: "\(chapter)", label: "", line: line, column: 1))
                    } else if level == 2 {
                        counters = [counters[0] + 1, 0]
                        number = "\(chapter).\(counters[0])"
                    } else if level == 3 {
                        counters[1] += 1
                        number = "\(chapter).\(counters[0]).\(counters[1])"
                    }
                }
                headingNumbers.append(number)
                // Headings never collide with each other (their anchors get -1, -2, ...).
                firstLines[anchor] = firstLines[anchor] ?? line
                targets.append(ReferenceTarget(kind: kind, number: number ?? "", label: anchor, line: line, column: 1))
            case CMARK_NODE_PARAGRAPH:
                if let (span, label) = Self.displayEquation(node, math: math), let label {
                    equations += 1
                    define(ReferenceTarget(kind: .equation, number: "\(chapterNumber ?? 0).\(equations)", label: label,
                                           line: span.line, column: span.column))
                } else if let (_, label) = Self.figure(node) {
                    figures += 1
                    if let label {
                        let place = source.find("{#\(label)}", from: line) ?? (line, 1)
                        define(ReferenceTarget(kind: .figure, number: "\(chapterNumber ?? 0).\(figures)", label: label,
                                               line: place.line, column: place.column))
                    }
                }
            case CMARK_NODE_LINK where ReferenceSyntax.isReferenceWord(node.plainText):
                let url = math.restoringOriginals(in: node.url)
                let word = node.plainText.trimmingCharacters(in: .whitespaces)
                let used = references.map { ($0.line, $0.column) }
                let place = source.find("[\(word)](\(url)", from: line, skipping: used)
                    ?? source.find("](\(url)", from: line, skipping: used) ?? (line, 1)
                references.append(Reference(url: url, word: word,
                                            line: place.line, column: place.column))
            default:
                break
            }
        }
    }

    /// A paragraph that is one display formula, optionally followed by `{#label}`.
    static func displayEquation(_ paragraph: OpaquePointer, math: MathProtector) -> (MathSpan, String?)? {
        guard paragraph.nodeType == CMARK_NODE_PARAGRAPH else { return nil }
        var text = ""
        var child = paragraph.firstChild
        while let current = child {
            switch current.nodeType {
            case CMARK_NODE_TEXT: text += current.literal
            case CMARK_NODE_SOFTBREAK: text += "\n"
            default: return nil
            }
            child = current.nextSibling
        }
        let pieces = math.pieces(of: text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard let first = pieces.first, case .math(let span) = first, span.isDisplay else { return nil }
        switch pieces.count {
        case 1: return (span, nil)
        case 2:
            guard case .text(let rest) = pieces[1], let label = ReferenceSyntax.label(inAttribute: rest) else { return nil }
            return (span, label)
        default: return nil
        }
    }

    /// A paragraph that is one image with alt text (its caption), optionally followed by `{#label}`.
    static func figure(_ paragraph: OpaquePointer) -> (image: OpaquePointer, label: String?)? {
        guard paragraph.nodeType == CMARK_NODE_PARAGRAPH, let image = paragraph.firstChild,
              image.nodeType == CMARK_NODE_IMAGE, !image.plainText.isEmpty else { return nil }
        var rest = ""
        var child = image.nextSibling
        while let current = child {
            guard current.nodeType == CMARK_NODE_TEXT else { return nil }
            rest += current.literal
            child = current.nextSibling
        }
        if rest.allSatisfy(\.isWhitespace) { return (image, nil) }
        guard let label = ReferenceSyntax.label(inAttribute: rest) else { return nil }
        return (image, label)
    }
}

/// A chapter's lines as cmark counts them (`LineTable`), for finding where text was written.
struct SourceLines {
    let lines: [String]

    init(_ markdown: String) {
        let bytes = Array(markdown.utf8)
        lines = LineTable(bytes).lines.map { String(decoding: bytes[$0.start..<$0.contentEnd], as: UTF8.self) }
    }

    /// The first place at or after line `from` where `needle` starts (1-based line and byte
    /// column), not counting places in `skipping`.
    func find(_ needle: String, from line: Int, skipping: [(Int, Int)] = []) -> (line: Int, column: Int)? {
        guard line >= 1 else { return nil }
        for number in line...max(line, lines.count) where number <= lines.count {
            let text = lines[number - 1]
            var searchStart = text.startIndex
            while let found = text[searchStart...].range(of: needle) {
                let column = text.utf8.distance(from: text.startIndex, to: found.lowerBound) + 1
                if !skipping.contains(where: { $0 == (number, column) }) { return (number, column) }
                searchStart = found.upperBound
            }
        }
        return nil
    }
}
