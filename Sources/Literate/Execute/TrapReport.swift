/// What a crashed program's last cell printed, split into the cell's own output and the runtime's
/// message (`Fatal error: Index out of range`, `Could not cast value of type …`), without the
/// location prefix and the report lines that follow it.
struct TrapReport {
    /// What the cell printed before the trap.
    var printed: String
    /// The runtime's words, or a description of the signal when it said nothing.
    var message: String

    /// How the runtime's messages begin; a trap prints one, perhaps after a `file:line: ` prefix.
    private static let kinds = ["Fatal error", "Precondition failed", "Assertion failed", "Could not cast value of type",
                                "Simultaneous accesses to", "Swift runtime failure"]

    /// - Parameter runtimeFailure: the reason the program's line tables give for the faulting
    ///   instruction (`Swift runtime failure: arithmetic overflow`), used when nothing was printed.
    init(output: String, termination: Termination, runtimeFailure: String? = nil) {
        var lines = output.components(separatedBy: "\n")
        if let trace = lines.firstIndex(where: { $0.hasPrefix("Current stack trace:") || $0.hasPrefix("💣 Program crashed") }) {
            lines.removeSubrange(trace...)
        }
        let trapLine = lines.lastIndex { line in TrapReport.kinds.contains { line.contains($0) } }
        guard let trapLine else {
            printed = output
            if let runtimeFailure {
                message = runtimeFailure
                return
            }
            switch termination {
            case .signaled(let signal): message = "killed by signal \(signal)\(TrapReport.signalName(signal))"
            case .exited(let code): message = "the program exited with status \(code) before the cell finished"
            case .timedOut: message = "timed out"
            }
            return
        }
        let line = lines[trapLine]
        let start = TrapReport.kinds.compactMap { line.range(of: $0)?.lowerBound }.min()!
        message = withoutAddresses(String(line[start...]))
        let before = lines[..<trapLine].joined(separator: "\n")
        printed = before.isEmpty ? "" : before + "\n"
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case 4: return " (SIGILL: a Swift runtime trap)"
        case 5: return " (SIGTRAP: a Swift runtime trap)"
        case 6: return " (SIGABRT)"
        case 8: return " (SIGFPE)"
        case 11: return " (SIGSEGV: a bad memory access)"
        case 9: return " (SIGKILL)"
        default: return ""
        }
    }
}

/// A runtime message without the memory addresses that change from run to run:
/// `'NN.ReLU' (0x7f3a…) to` → `'NN.ReLU' to`, `accesses to 0x55d6…,` → `accesses to 0x…,`.
func withoutAddresses(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let found = rest.range(of: "0x") {
        let digits = rest[found.upperBound...].prefix { $0.isHexDigit }
        guard digits.count >= 4 else {
            result += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            continue
        }
        var head = rest[..<found.lowerBound]
        let after = rest[found.upperBound...].dropFirst(digits.count)
        if head.hasSuffix(" ("), after.hasPrefix(")") {
            head = head.dropLast(2)
            rest = after.dropFirst()
            result += head
        } else {
            result += head + "0x…"
            rest = after
        }
    }
    return result + rest
}
