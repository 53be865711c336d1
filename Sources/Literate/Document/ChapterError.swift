/// A problem with a chapter file itself: unreadable, not UTF-8, a bad cell option or setting,
/// an unclosed cell fence.
///
/// Prints as `path:line:column: error: message`, and the message ends with the next step.
/// A problem with the whole file (it cannot be read) has line 0 and prints as `path: error: message`.
struct ChapterError: DiagnosticConvertible, Sendable {
    /// Where the problem is.
    let location: SourceLocation
    /// What rule was broken, and what to do about it.
    let message: String

    init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// A problem with the file as a whole (it cannot be read at all).
    init(path: String, message: String) {
        self.init(location: SourceLocation(path: path, line: 0, column: 0), message: message)
    }

    var diagnostics: [Diagnostic] { [Diagnostic(.error, at: Diagnostic.Location(location), message)] }
}
