/// One message of `swiftc`, as it printed it (`file:line:column: severity: message`).
struct CompilerDiagnostic: Sendable, Hashable {
    var file: String
    var line: Int
    var column: Int
    var severity: Diagnostic.Severity
    var message: String

    /// The diagnostics in a compiler's output; other lines (source excerpts, carets) are skipped.
    /// This reads the compiler's messages, not Swift code.
    static func parse(_ output: String) -> [CompilerDiagnostic] {
        output.split(separator: "\n").compactMap { parseLine(String($0)) }
    }

    private static func parseLine(_ line: String) -> CompilerDiagnostic? {
        for severity in [Diagnostic.Severity.error, .warning, .note] {
            guard let marker = line.range(of: ": \(severity.rawValue): ") else { continue }
            let location = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            guard location.count >= 3, let column = Int(location[location.count - 1]),
                  let lineNumber = Int(location[location.count - 2]) else { continue }
            let file = location[..<(location.count - 2)].joined(separator: ":")
            return CompilerDiagnostic(file: file, line: lineNumber, column: column, severity: severity,
                                      message: String(line[marker.upperBound...]))
        }
        return nil
    }

    /// `file:line:column: severity: message`.
    var formatted: String { Diagnostic(severity, at: .init(path: file, line: line, column: column), message).description }
}
