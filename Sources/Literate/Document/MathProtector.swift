/// A span of TeX math found in a chapter's prose: `$...$` (inline) or `$$...$$` (display).
struct MathSpan: Equatable, Sendable {
    /// The TeX between the dollar signs, exactly as written.
    var tex: String
    /// True for `$$...$$`.
    var isDisplay: Bool
    /// The span as written in the chapter, dollar signs included.
    var original: String
    /// The 1-based line of the opening `$` in the chapter.
    var line: Int = 1
    /// The 1-based column of the opening `$`, in UTF-8 bytes as compilers count.
    var column: Int = 1
}

/// Hides math from the Markdown parser so that `$a_1 * b_2$` is not turned into emphasis and
/// `\\` or `\{` keep their backslashes.
///
/// Each math span in the prose is replaced by a placeholder (`U+E000`, its number, `U+E001`)
/// that CommonMark reads as plain text; after parsing, the renderer puts the math back as
/// `<span class="math inline">` or `<div class="math display">`. Code spans, code blocks and
/// HTML blocks are left alone (`$0` in a closure is not math). The rules follow Pandoc's
/// `tex_math_dollars`: an opening `$` is followed by a non-space, a closing `$` is preceded by a
/// non-space and not followed by a digit (so "$5 and $10" stays text), `\$` is a literal dollar,
/// and a span never crosses a blank line or a code span. Lines end only at LF, CR or CRLF, as cmark reads
/// them (a form feed or U+2028 is not a line break).
struct MathProtector: Sendable {
    /// The chapter text with math spans replaced by placeholders.
    private(set) var protectedText = ""
    /// The math spans, indexed by placeholder number.
    private(set) var spans: [MathSpan] = []
    /// Where a multi-line span became a one-line placeholder: the line in `protectedText` and how
    /// many line breaks the span had (for mapping positions back to the chapter).
    private var collapsedLines: [(line: Int, breaks: Int)] = []

    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    /// Protects the math of a chapter's text, reading its blocks with cmark first (`BlockLines`).
    init(chapter markdown: String) {
        let blocks = BlockLines(markdown: markdown)
        self.init(markdown: markdown, verbatimLines: blocks.verbatim, inlineBlocks: blocks.inline)
    }

    /// Protects the math of a parsed chapter, whose blocks its parse already found.
    init(chapter: Chapter) {
        self.init(markdown: String(decoding: chapter.bytes, as: UTF8.self), verbatimLines: chapter.blockLines.verbatim,
                  inlineBlocks: chapter.blockLines.inline)
    }

    /// Protects the math in `markdown`, leaving the 1-based lines in `verbatimLines`
    /// (code and HTML blocks) untouched. When `inlineBlocks` (each paragraph or heading line to
    /// its block's first line) is given, a span stays inside one block, as a setext underline or
    /// the next paragraph ends it in cmark's reading. An identical span written twice gets the
    /// same placeholder, so `[$x$]` still matches its link reference definition `[$x$]: ...`.
    init(markdown: String, verbatimLines: Set<Int>, inlineBlocks: [Int: Int] = [:]) {
        let characters = Array(markdown)
        var index = 0
        var line = 1
        var column = 1
        var output = ""
        output.reserveCapacity(markdown.utf8.count)

        func advance(over character: Character) {
            if Self.isLineBreak(character) {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
        }
        var outputLine = 1
        func copy(_ range: Range<Int>) {
            for character in characters[range] {
                output.append(character)
                advance(over: character)
                if Self.isLineBreak(character) { outputLine += 1 }
            }
        }

        while index < characters.count {
            let character = characters[index]
            if verbatimLines.contains(line) {
                copy(index..<index + 1)
                index += 1
                continue
            }
            switch character {
            case "\\":
                let end = min(index + 2, characters.count)
                copy(index..<end)
                index = end
            case "`":
                let end = Self.endOfCodeSpan(characters, from: index) ?? Self.endOfRun(characters, from: index)
                copy(index..<end)
                index = end
            case "$":
                if let (end, found) = Self.mathSpan(characters, from: index, startLine: line, verbatimLines: verbatimLines,
                                                    inlineBlocks: inlineBlocks) {
                    var span = found
                    span.line = line
                    span.column = column
                    let number = spans.firstIndex { $0.original == span.original } ?? spans.count
                    output.append(Self.open)
                    output += String(number)
                    output.append(Self.close)
                    if number == spans.count { spans.append(span) }
                    let breaks = characters[index..<end].filter(Self.isLineBreak).count
                    if breaks > 0 { collapsedLines.append((outputLine, breaks)) }
                    for character in characters[index..<end] { advance(over: character) }
                    index = end
                } else {
                    let end = Self.endOfRun(characters, from: index)
                    copy(index..<end)
                    index = end
                }
            default:
                copy(index..<index + 1)
                index += 1
            }
        }
        protectedText = output
    }

    /// The chapter's line for a line of `protectedText` (they differ after a multi-line span).
    func originalLine(ofProtectedLine line: Int) -> Int {
        line + collapsedLines.filter { $0.line < line }.reduce(0) { $0 + $1.breaks }
    }

    /// `text` with every placeholder replaced by the math as written (for places where math
    /// cannot be rendered, such as raw HTML shown as text or a link address).
    func restoringOriginals(in text: String) -> String {
        pieces(of: text).map { piece in
            switch piece {
            case .text(let text): return text
            case .math(let span): return span.original
            }
        }.joined()
    }

    /// `text` with every placeholder replaced by the TeX inside it (for plain-text places such as
    /// the table of contents).
    func replacingMathWithTeX(in text: String) -> String {
        pieces(of: text).map { piece in
            switch piece {
            case .text(let text): return text
            case .math(let span): return span.tex
            }
        }.joined()
    }

    /// A piece of parsed text: plain text or a math span.
    enum Piece: Equatable {
        case text(String)
        case math(MathSpan)
    }

    /// Splits parsed text at its placeholders.
    func pieces(of text: String) -> [Piece] {
        guard text.contains(Self.open) else { return [.text(text)] }
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let start = rest.firstIndex(of: Self.open) {
            if let end = rest[start...].firstIndex(of: Self.close),
               let number = Int(rest[rest.index(after: start)..<end]), spans.indices.contains(number) {
                if start > rest.startIndex { pieces.append(.text(String(rest[..<start]))) }
                pieces.append(.math(spans[number]))
                rest = rest[rest.index(after: end)...]
            } else {
                pieces.append(.text(String(rest[...start])))
                rest = rest[rest.index(after: start)...]
            }
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }

    private static func endOfRun(_ characters: [Character], from start: Int) -> Int {
        var end = start
        while end < characters.count && characters[end] == characters[start] { end += 1 }
        return end
    }

    /// The end of the code span opening at `start` (a run of n backticks closed by a run of exactly n).
    private static func endOfCodeSpan(_ characters: [Character], from start: Int) -> Int? {
        let openEnd = endOfRun(characters, from: start)
        let length = openEnd - start
        var index = openEnd
        while index < characters.count {
            if isBlankLineAhead(characters, at: index) { return nil }
            if characters[index] == "`" {
                let runEnd = endOfRun(characters, from: index)
                if runEnd - index == length { return runEnd }
                index = runEnd
            } else {
                index += 1
            }
        }
        return nil
    }

    /// The math span opening at `start`, if the dollar rules above find a closing delimiter.
    private static func mathSpan(
        _ characters: [Character], from start: Int, startLine: Int, verbatimLines: Set<Int>, inlineBlocks: [Int: Int]
    ) -> (Int, MathSpan)? {
        let isDisplay = start + 1 < characters.count && characters[start + 1] == "$"
        let delimiter = isDisplay ? 2 : 1
        let contentStart = start + delimiter
        guard contentStart < characters.count else { return nil }
        if !isDisplay && characters[contentStart].isWhitespace { return nil }
        var index = contentStart
        var line = startLine
        while index < characters.count {
            let character = characters[index]
            if isLineBreak(character) {
                line += 1
                if verbatimLines.contains(line) || isBlankLineAhead(characters, at: index) { return nil }
                if !inlineBlocks.isEmpty && inlineBlocks[line] != inlineBlocks[startLine] { return nil }
            }
            if character == "\\", index + 1 < characters.count, !isLineBreak(characters[index + 1]) {
                index += 2
                continue
            }
            // A code span wins over math: "$10 and `$y$`" has no math, as the `$` in code is literal.
            if character == "`", endOfCodeSpan(characters, from: index) != nil { return nil }
            if character == "$" {
                if isDisplay {
                    guard index + 1 < characters.count, characters[index + 1] == "$" else { return nil }
                    guard index > contentStart else { return nil }
                    return finish(characters, start..<index + 2, contentStart..<index, display: true)
                }
                let before = characters[index - 1]
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                if index > contentStart && !before.isWhitespace && !after.isNumber {
                    return finish(characters, start..<index + 1, contentStart..<index, display: false)
                }
                return nil
            }
            index += 1
        }
        return nil
    }

    private static func finish(
        _ characters: [Character], _ whole: Range<Int>, _ content: Range<Int>, display: Bool
    ) -> (Int, MathSpan) {
        let span = MathSpan(tex: String(characters[content]), isDisplay: display, original: String(characters[whole]))
        return (whole.upperBound, span)
    }

    /// True when a newline at `index` is followed by a line of only spaces and tabs.
    private static func isBlankLineAhead(_ characters: [Character], at index: Int) -> Bool {
        guard isLineBreak(characters[index]) else { return false }
        var next = index + 1
        while next < characters.count && (characters[next] == " " || characters[next] == "\t") { next += 1 }
        return next >= characters.count || isLineBreak(characters[next])
    }

    /// A line ending as CommonMark counts them: LF, CR, or CR LF (one `Character` in Swift).
    static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r" || character == "\r\n"
    }
}
