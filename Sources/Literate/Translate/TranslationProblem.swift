/// Something a translation does wrong against its source, printed like a compiler error at the
/// translation's line: `Chapters/ja/x.md:57:5: error: message`, then a diff when there is one.
public struct TranslationProblem: DiagnosticConvertible, Equatable, Sendable {
    /// The translation, as the command line named it.
    public var path: String
    /// 1-based line and column in the translation.
    public var line: Int
    public var column: Int
    /// What differs, naming the source's line, and what to do.
    public var message: String
    /// A unified diff (source before → source now, or source → translation) shown under the message.
    public var diff: String?

    public var diagnostics: [Diagnostic] { [.error(message, path: path, line: line, column: column, detail: diff)] }
}
