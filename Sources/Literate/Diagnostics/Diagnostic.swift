/// One message for the user from any step of swiftbook: an error, warning or note, where it is,
/// what is wrong and what to do about it.
///
/// Every stage's errors are diagnostics or turn into them (`DiagnosticConvertible`), and
/// `description` is the one place that writes them as text, in the form compilers use and
/// editors and CI logs turn into links:
///
/// ```
/// Chapters/x.md:57:12: error: message       a place in a file
/// Chapters/x.md:57: error: message          a whole line (a stale output)
/// Chapters/x.md: error: message             the file as a whole
/// error: message                            no file at all (no engine build, a port in use)
/// ```
///
/// followed by its notes, one per line, and its detail (a diff) as it is.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious it is; the word printed after the location.
    enum Severity: String, Sendable, Hashable, Codable {
        case error, warning, note
    }

    /// Where a diagnostic points: a file, a line in it, a column in the line.
    struct Location: Sendable, Hashable, CustomStringConvertible {
        /// The file or folder, as messages name it (`Chapters/x.md`).
        var path: String
        /// 1-based line; nil for the file as a whole.
        var line: Int?
        /// 1-based column (UTF-8 bytes); nil for the whole line.
        var column: Int?

        init(path: String, line: Int? = nil, column: Int? = nil) {
            self.path = path
            self.line = line
            self.column = line == nil ? nil : column
        }

        /// A place in a chapter; line 0 stands for the file as a whole, as in `ChapterError`.
        init(_ location: SourceLocation) {
            self.init(path: location.path, line: location.line == 0 ? nil : location.line, column: location.column)
        }

        /// `path:line:column`, `path:line` or `path`.
        var description: String {
            guard let line else { return path }
            return column.map { "\(path):\(line):\($0)" } ?? "\(path):\(line)"
        }
    }

    var severity: Severity
    /// Where it is; nil when no file is at fault.
    var location: Location?
    /// What is wrong, ending with what to do about it; may run over several lines.
    var message: String
    /// Further diagnostics that belong to this one (the other errors of a cell), each printed on
    /// its own line after the message.
    var notes: [Diagnostic]
    /// Text shown under the message as it is, such as a unified diff.
    var detail: String?

    init(_ severity: Severity = .error, at location: Location? = nil, _ message: String,
                notes: [Diagnostic] = [], detail: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
        self.detail = detail
    }

    /// An error at `path` (`line` and `column` in it, when given).
    static func error(_ message: String, path: String, line: Int? = nil, column: Int? = nil,
                             detail: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: Location(path: path, line: line, column: column), message, detail: detail)
    }

    /// The diagnostic as text, without a final newline (see the type's summary for the form).
    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): \(message)"
        for note in notes { text += "\n" + note.description }
        if let detail, !detail.isEmpty { text += "\n" + (detail.hasSuffix("\n") ? String(detail.dropLast()) : detail) }
        return text
    }

    /// The diagnostic as lines for a terminal or a log: `description` and a final newline.
    public var line: String { description + "\n" }
}
