import SwiftParser
import SwiftSyntax

/// A cell's code as a translation must keep it: its Swift tokens, without comments (they are
/// trivia) and without the text of string literals, which translators may translate.
///
/// Everything else must match token for token: keywords, names, numbers, punctuation, the
/// quotes and delimiters of each string literal, and the code inside `\(...)` interpolations.
/// Layout (spaces, line breaks) is not compared.
struct CodeTokens {
    /// One token, with where it starts in the cell (1-based line and column).
    struct Token {
        var kind: TokenKind
        var text: String
        var line: Int
        var column: Int

        /// Equal as far as parity is concerned: a string segment matches any string segment.
        func matches(_ other: Token) -> Bool {
            if case .stringSegment = kind, case .stringSegment = other.kind { return true }
            return kind == other.kind
        }
    }

    let tokens: [Token]

    init(_ code: String) {
        let tree = Parser.parse(source: code)
        let converter = SourceLocationConverter(fileName: "", tree: tree)
        tokens = tree.tokens(viewMode: .sourceAccurate).compactMap { token in
            // A string segment with no text (an empty literal) is not made a token by every
            // parser path; skip empty segments on both sides so `""` matches `""`.
            if case .stringSegment = token.tokenKind, token.text.isEmpty { return nil }
            let location = token.startLocation(converter: converter)
            return Token(kind: token.tokenKind, text: token.text, line: location.line, column: location.column)
        }
    }

    /// The first pair of tokens that do not match (nil for one of them when the other runs
    /// out); nil when the two codes agree.
    func firstDifference(from other: CodeTokens) -> (mine: Token?, theirs: Token?)? {
        for index in 0..<max(tokens.count, other.tokens.count) {
            let mine = index < tokens.count ? tokens[index] : nil
            let theirs = index < other.tokens.count ? other.tokens[index] : nil
            guard let mine, let theirs, mine.matches(theirs) else { return (mine, theirs) }
        }
        return nil
    }
}
