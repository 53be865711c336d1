import Foundation

/// Why a cell's output no longer matches what the chapter records.
enum MismatchKind: String, Hashable, Sendable, CustomStringConvertible {
    /// Only non-integer numbers differ, by more than the cell's tolerance.
    case numericDrift
    /// Text (words, punctuation, spacing between words) differs.
    case changedText
    /// The output's structure differs: lines or numbers were added or removed, or a number
    /// stands where text stood.
    case changedShape
    /// A whole number (written without `.` or exponent: a count, a size in a shape such as
    /// `[2, 10]`, an epoch) has another value. Whole numbers are compared exactly, never with a tolerance.
    case changedNumber
    /// The cell printed something but the chapter records no output block.
    case missingOutput
    /// The chapter records an output block but the cell printed nothing.
    case vanishedOutput
    /// A cell that used to pass now fails (reported by the runner, not by `compareOutputs`).
    case newFailure
    /// A cell marked `fails` ran without failing (reported by the runner).
    case unexpectedSuccess

    var description: String {
        switch self {
        case .numericDrift: "numbers drifted beyond tolerance"
        case .changedText: "text changed"
        case .changedShape: "shape changed"
        case .changedNumber: "a whole number changed"
        case .missingOutput: "output not recorded"
        case .vanishedOutput: "recorded output no longer printed"
        case .newFailure: "cell now fails"
        case .unexpectedSuccess: "cell marked 'fails' succeeded"
        }
    }
}

/// The first difference that matters between a recorded output and a new one.
struct OutputMismatch: Hashable, Sendable, CustomStringConvertible {
    /// What kind of difference it is.
    var kind: MismatchKind
    /// 1-based line of the difference in the recorded output (in the new one if it is longer).
    var line: Int
    /// The recorded piece that differs (a number, a word, a line); empty when there is none.
    var recorded: String
    /// The new piece in its place; empty when there is none.
    var actual: String
    /// For numeric drift: the difference beyond which the numbers would not have matched.
    var allowedDifference: Double?

    init(kind: MismatchKind, line: Int, recorded: String = "", actual: String = "",
                allowedDifference: Double? = nil) {
        self.kind = kind
        self.line = line
        self.recorded = recorded
        self.actual = actual
        self.allowedDifference = allowedDifference
    }

    /// One line for a report, e.g. `numbers drifted beyond tolerance at output line 2: 0.1234 became 0.1240`.
    var description: String {
        var text = "\(kind) at output line \(line)"
        if !recorded.isEmpty || !actual.isEmpty {
            text += ": \(Self.quote(recorded)) became \(Self.quote(actual))"
        }
        if let allowedDifference, let old = Double(recorded), let new = Double(actual) {
            text += " (difference \(Self.short(abs(old - new))), allowed \(Self.short(allowedDifference)))"
        }
        return text
    }

    private static func quote(_ piece: String) -> String {
        piece.isEmpty ? "nothing" : "'\(piece)'"
    }

    private static func short(_ value: Double) -> String {
        let text = "\(value)"
        return text.count > 10 ? String(format: "%.3g", value) : text
    }
}
