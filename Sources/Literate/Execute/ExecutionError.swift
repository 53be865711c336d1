/// Why a chapter could not be executed at all (as opposed to a cell failing). No file is at
/// fault, so it prints as `error: message`.
enum ExecutionError: DiagnosticConvertible, Sendable {
    case engineNotFound(searched: [String])
    case io(String)

    /// What went wrong and what to do, without a severity or location.
    var message: String {
        switch self {
        case .engineNotFound(let searched):
            return """
            no engine build found (looked for libSwiftbookEngine.so and Modules/ in \
            \(searched.joined(separator: ", "))); build it with `swift build --product SwiftbookEngine` \
            and pass its folder with --engine DIR or SWIFTBOOK_ENGINE=DIR
            """
        case .io(let message):
            return message
        }
    }

    var diagnostics: [Diagnostic] { [Diagnostic(.error, message)] }
}
