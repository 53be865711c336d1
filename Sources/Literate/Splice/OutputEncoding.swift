/// How what a cell printed is written into its output block: visibly, and so that it can be
/// read back exactly.
///
/// A cell may print anything, but an output block is Markdown that people read and terminals
/// show, and CommonMark reads some characters differently from how they were printed (a lone CR
/// ends a line, NUL becomes U+FFFD, an escape sequence would recolour the author's terminal). So:
///
/// - `\n` separates lines, and a tab stays a tab;
/// - every other control character (U+0000...U+001F, U+007F, U+0080...U+009F), `\r` included
///   (also before `\n`), is written in Swift's notation as `\u{1B}`, upper-case hex, no padding;
/// - a backslash that is followed by `u{` is written `\u{5C}`, so that text which looks like the
///   notation reads back as itself;
/// - a line holding only spaces and tabs has its last one written `\u{20}` or `\u{9}`, because a
///   blank line inside a list item reads back empty.
///
/// Decoding turns every `\u{...}` back (1 to 6 hex digits naming a Unicode scalar) and leaves all
/// else alone, so `decode(encode(text)) == text` for every text. `check` compares the recorded
/// block with `encode(actual)`, so both sides are in the same notation, and whatever it prints
/// (diffs, messages) holds no raw control characters.
enum OutputEncoding {
    /// The text as it goes into an output block.
    static func encode(_ printed: String) -> String {
        var result = ""
        let scalars = Array(printed.unicodeScalars)
        var lineStart = result.unicodeScalars.endIndex
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\n" {
                escapeBlankLine(&result, from: lineStart)
                result.unicodeScalars.append(scalar)
                lineStart = result.unicodeScalars.endIndex
            } else if needsEscape(scalar) {
                result += notation(scalar)
            } else if scalar == "\\", index + 2 < scalars.count, scalars[index + 1] == "u", scalars[index + 2] == "{" {
                result += notation(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        escapeBlankLine(&result, from: lineStart)
        return result
    }

    /// The text a recorded output block stands for.
    static func decode(_ recorded: String) -> String {
        let scalars = Array(recorded.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\\", let (scalar, end) = escaped(in: scalars, at: index) {
                result.append(scalar)
                index = end
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// Text made safe for a terminal: control characters other than `\n` and `\t` in the visible
    /// notation, nothing else changed. For messages and diffs, which need not be reversible.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && $0 != "\t" }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar), scalar != "\t" { result += notation(scalar) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// Control characters other than the line break and tab.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }

    private static func notation(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// A line (from `start` to the end of `text`) of only spaces and tabs, and not empty, gets its
    /// last character in the notation.
    private static func escapeBlankLine(_ text: inout String, from start: String.UnicodeScalarView.Index) {
        let line = text.unicodeScalars[start...]
        guard let last = line.last, line.allSatisfy({ $0 == " " || $0 == "\t" }) else { return }
        text.unicodeScalars.removeLast()
        text += notation(last)
    }

    /// The scalar written as `\u{...}` at `index`, and where the notation ends.
    private static func escaped(in scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        guard index + 3 < scalars.count, scalars[index + 1] == "u", scalars[index + 2] == "{" else { return nil }
        var value: UInt32 = 0
        var end = index + 3
        while end < scalars.count, end - (index + 3) < 6, let digit = hexValue(scalars[end]) {
            value = value * 16 + digit
            end += 1
        }
        guard end > index + 3, end < scalars.count, scalars[end] == "}", let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, end + 1)
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f": return scalar.value - 0x61 + 10
        case "A"..."F": return scalar.value - 0x41 + 10
        default: return nil
        }
    }
}
