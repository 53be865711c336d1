import Foundation

/// Compares a recorded cell output with a new one the way a reader would: numbers with a
/// tolerance, counts and shapes and text exactly.
///
/// The rules, in order:
/// - Line breaks: `\r\n` is `\n`; spaces and tabs at line ends and empty lines at the end are ignored
///   (an output block cannot show them reliably).
/// - Each line is cut into numbers and text (see `OutputToken`); spaces right before a number are
///   alignment padding and ignored.
/// - A different number of lines, a number where text was, or a different count of numbers is a
///   `changedShape`.
/// - Different text is `changedText`.
/// - A different integer written without `.` or exponent (`[2, 10]`, `epoch 3`) is a
///   `changedNumber`: integers in outputs are counts and sizes and never drift, so they compare exactly.
/// - Other numbers (`0.1234`, `2.`, `1.0000e-05`, `nan`, `inf`) match when
///   `|recorded - actual| <= tolerance.absolute + tolerance.relative * |actual|`; otherwise `numericDrift`.
/// - An empty recorded output with a non-empty new one is `missingOutput`; the reverse is `vanishedOutput`.
///
/// When several differences exist, the most serious kind is reported (shape, then text, then a
/// whole number, then drift), at its first line.
///
/// - Returns: nil when the outputs match.
func compareOutputs(recorded: String, actual: String, tolerance: Tolerance) -> OutputMismatch? {
    let old = comparableLines(recorded)
    let new = comparableLines(actual)
    if old.isEmpty != new.isEmpty {
        return OutputMismatch(kind: old.isEmpty ? .missingOutput : .vanishedOutput, line: 1,
                              recorded: old.first ?? "", actual: new.first ?? "")
    }
    var found: [MismatchKind: OutputMismatch] = [:]
    func note(_ mismatch: OutputMismatch) {
        if found[mismatch.kind] == nil { found[mismatch.kind] = mismatch }
    }
    for lineIndex in 0..<max(old.count, new.count) {
        let line = lineIndex + 1
        guard lineIndex < old.count, lineIndex < new.count else {
            note(OutputMismatch(kind: .changedShape, line: line,
                                recorded: lineIndex < old.count ? old[lineIndex] : "",
                                actual: lineIndex < new.count ? new[lineIndex] : ""))
            break
        }
        let oldTokens = OutputToken.tokens(of: old[lineIndex])
        let newTokens = OutputToken.tokens(of: new[lineIndex])
        guard oldTokens.count == newTokens.count else {
            note(OutputMismatch(kind: .changedShape, line: line, recorded: old[lineIndex], actual: new[lineIndex]))
            continue
        }
        for (oldToken, newToken) in zip(oldTokens, newTokens) {
            switch (oldToken, newToken) {
            case let (.text(a), .text(b)) where a != b:
                note(OutputMismatch(kind: .changedText, line: line, recorded: a, actual: b))
            case let (.number(a, x, aExact), .number(b, y, bExact)):
                if aExact && bExact {
                    if x != y { note(OutputMismatch(kind: .changedNumber, line: line, recorded: a, actual: b)) }
                } else if !tolerance.accepts(recorded: x, actual: y) {
                    note(OutputMismatch(kind: .numericDrift, line: line, recorded: a, actual: b,
                                        allowedDifference: tolerance.absolute + tolerance.relative * abs(y)))
                }
            case (.text, .number), (.number, .text):
                note(OutputMismatch(kind: .changedShape, line: line, recorded: old[lineIndex], actual: new[lineIndex]))
            default:
                break
            }
        }
    }
    for kind in [MismatchKind.changedShape, .changedText, .changedNumber, .numericDrift] {
        if let mismatch = found[kind] { return mismatch }
    }
    return nil
}

/// The lines that matter for comparison: unified line breaks, no trailing spaces, no empty lines at the end.
func comparableLines(_ text: String) -> [String] {
    var lines = text.replacingOccurrences(of: "\r\n", with: "\n")
        .split(separator: "\n", omittingEmptySubsequences: false)
        .map { line in String(line.reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed()) }
    while lines.last == "" { lines.removeLast() }
    return lines
}
