/// Why a chapter could not be executed at all (as opposed to a cell failing).
public enum ExecutionError: Error, CustomStringConvertible, Sendable {
    case spawn(String, String)
    case engineNotFound(searched: [String])
    case io(String)

    public var description: String {
        switch self {
        case .spawn(let program, let reason):
            return "error: cannot start \(program): \(reason)"
        case .engineNotFound(let searched):
            return """
            error: no engine build found (looked for libSwiftbookEngine.so and Modules/ in \
            \(searched.joined(separator: ", "))); build it with `swift build --product SwiftbookEngine` \
            and pass its folder with --engine DIR or SWIFTBOOK_ENGINE=DIR
            """
        case .io(let message):
            return "error: \(message)"
        }
    }
}
