/// A place in a chapter file: 1-based line and 1-based byte column, as compilers report them.
///
/// Prints as `path:line:column`, the form editors and CI logs turn into links.
struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The chapter's path as the user gave it.
    var path: String
    /// 1-based line number; lines end at `\n`, `\r\n` or a lone `\r`, as in CommonMark.
    var line: Int
    /// 1-based column, counted in UTF-8 bytes from the start of the line.
    var column: Int

    init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`.
    var description: String { "\(path):\(line):\(column)" }
}
