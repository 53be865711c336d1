/// Something a translation does wrong against its source, printed like a compiler error at the
/// translation's line: `Chapters/ja/x.md:57:5: error: message`, then a diff when there is one.
struct TranslationProblem: DiagnosticConvertible, Equatable, Sendable {
    /// The translation, as the command line named it.
    var path: String
    /// 1-based line and column in the translation.
    var line: Int
    var column: Int
    /// What differs, naming the source's line, and what to do.
    var message: String
    /// A unified diff (source before → source now, or source → translation) shown under the message.
    var diff: String?

    var diagnostics: [Diagnostic] { [.error(message, path: path, line: line, column: column, detail: diff)] }
}
