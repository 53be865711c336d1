/// An output line cut into numbers and text, so numbers can be compared with a tolerance and
/// everything else exactly.
///
/// A number is an optional `-`, digits with an optional decimal point and exponent (`2`, `2.`,
/// `-0.1234`, `1.0000e-05`, `.5`), or `nan`/`inf` (optionally `-`), standing on its own: the
/// character before it is not a letter, digit or `_` (so `layer2` and `x1` are text), and the
/// character after it is not one either (so `3x3` and `2d` are text). Spaces right before a
/// number are padding (PyTorch right-aligns columns, and a sign change moves them), so they are
/// dropped; all other spacing is text.
enum OutputToken: Hashable, Sendable {
    case text(String)
    /// `isExact`: written without a decimal point or exponent, so a count or a shape, compared exactly.
    case number(literal: String, value: Double, isExact: Bool)

    /// The tokens of one line (without its line break).
    static func tokens(of line: String) -> [OutputToken] {
        let bytes = Array(line.utf8)
        var tokens: [OutputToken] = []
        var text: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let previous: UInt8? = index > 0 ? bytes[index - 1] : nil
            if previous.map(isWordByte) != true, let end = numberEnd(in: bytes, from: index),
               end == bytes.count || !isWordByte(bytes[end]) {
                while let last = text.last, last == UInt8(ascii: " ") { text.removeLast() }
                if !text.isEmpty { tokens.append(.text(String(decoding: text, as: UTF8.self))) }
                text = []
                let literal = String(decoding: bytes[index..<end], as: UTF8.self)
                tokens.append(number(literal))
                index = end
            } else {
                text.append(bytes[index])
                index += 1
            }
        }
        if !text.isEmpty { tokens.append(.text(String(decoding: text, as: UTF8.self))) }
        return tokens
    }

    private static func number(_ literal: String) -> OutputToken {
        let unsigned = literal.hasPrefix("-") ? literal.dropFirst() : Substring(literal)
        let sign: Double = literal.hasPrefix("-") ? -1 : 1
        switch unsigned {
        case "nan": return .number(literal: literal, value: .nan, isExact: false)
        case "inf": return .number(literal: literal, value: sign * .infinity, isExact: false)
        default:
            let isExact = !unsigned.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
            // `Double` does not read `2.`; add the zero it means.
            let readable = literal.hasSuffix(".") ? literal + "0" : literal
            return .number(literal: literal, value: Double(readable) ?? .nan, isExact: isExact)
        }
    }

    /// The end of a number starting at `start`, or nil if none starts there.
    private static func numberEnd(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        for word in ["nan", "inf"] where bytes[index...].starts(with: word.utf8) {
            return index + 3
        }
        let digitsStart = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        var digits = index - digitsStart
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            let fractionStart = index + 1
            var end = fractionStart
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            // `2.` is a number (PyTorch prints whole floats so), but a lone `.` is not.
            if digits > 0 || end > fractionStart {
                digits += end - fractionStart
                index = end
            }
        }
        guard digits > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            var end = index + 1
            if end < bytes.count, bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "+") { end += 1 }
            let exponentStart = end
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            if end > exponentStart { index = end }
        }
        return index
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Letters, digits, `_` and non-ASCII bytes join a number to a word.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: "_") || byte >= 0x80
            || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }
}
