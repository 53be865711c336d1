/// A reason the site cannot be rendered, printed as `path:line:column: error: message`
/// (or `path: error: message` when no line applies), like compiler diagnostics.
struct RenderError: DiagnosticConvertible, Equatable, Sendable {
    /// The file or folder at fault.
    var path: String
    /// The 1-based line, when the fault is inside a file.
    var line: Int?
    /// The 1-based column, when the fault is inside a file.
    var column: Int?
    /// What is wrong and what to do about it.
    var message: String

    /// An error at `path` (and `line`:`column` in it, if given).
    init(path: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// An error inside a file always names a column (the line's first when none was given).
    var diagnostics: [Diagnostic] {
        [.error(message, path: path, line: line, column: line == nil ? nil : column ?? 1)]
    }
}

/// Every error found while rendering; nothing was written when this is thrown.
public struct RenderFailure: DiagnosticConvertible {
    /// The individual errors (chapter errors and `RenderError`s), each printable on its own line.
    var errors: [any Error]
    /// The exit status `swiftbook render` should end with: 1 for mistakes in the chapters' text
    /// (a formula pandoc rejects, a broken reference), 2 for bad usage or unreadable input.
    public var exitStatus: Int32

    /// A failure made of `errors`, ending `render` with `exitStatus`.
    init(errors: [any Error], exitStatus: Int32 = 2) {
        self.errors = errors
        self.exitStatus = exitStatus
    }

    var diagnostics: [Diagnostic] { errors.flatMap(Diagnostic.all(from:)) }
}
