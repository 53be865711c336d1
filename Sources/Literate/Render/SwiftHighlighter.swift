import SwiftIDEUtils
import SwiftParser
import SwiftSyntax

/// Turns Swift source into HTML with one `<span class="tok-...">` per classified token.
///
/// Classification comes from swift-syntax (`SyntaxClassification`), so the colours follow the
/// real grammar: `let`, `func`, `override` are keywords, `"a"` a string literal, `// ...` a
/// comment. One presentation rule is added on top: an identifier spelled with a leading capital
/// (`Tensor`, `Sequential`) is shown as a type, as Swift's naming conventions make it one in
/// nearly every case and the syntax tree alone cannot tell an initialiser call from a function call.
/// Every piece of text is HTML-escaped; the result contains no markup except the spans.
enum SwiftHighlighter {
    /// The highlighted HTML of `source`, without an enclosing `<pre>` or `<code>`.
    static func highlight(_ source: String) -> String {
        if let known = HighlightMemo.shared.html(for: source) { return known }
        let tree = Parser.parse(source: source)
        let bytes = Array(source.utf8)
        var html = ""
        var position = 0
        for range in tree.classifications {
            let start = range.range.lowerBound.utf8Offset
            let end = range.range.upperBound.utf8Offset
            guard start >= position, end <= bytes.count, start < end else { continue }
            if start > position {
                html += escapeHTML(text(bytes[position..<start]))
            }
            let piece = text(bytes[start..<end])
            if let name = cssClass(range.kind, text: piece) {
                html += "<span class=\"tok-\(name)\">\(escapeHTML(piece))</span>"
            } else {
                html += escapeHTML(piece)
            }
            position = end
        }
        if position < bytes.count {
            html += escapeHTML(text(bytes[position...]))
        }
        HighlightMemo.shared.store(html, for: source)
        return html
    }

    /// The CSS class suffix for a classification (`keyword` for `tok-keyword`), or nil for plain text.
    static func cssClass(_ kind: SyntaxClassification, text: String) -> String? {
        switch kind {
        case .keyword: return "keyword"
        case .type: return "type"
        case .identifier:
            return text.first.map { $0.isUppercase } == true ? "type" : "identifier"
        case .dollarIdentifier: return "identifier"
        case .argumentLabel: return "label"
        case .stringLiteral, .regexLiteral: return "string"
        case .integerLiteral, .floatLiteral: return "number"
        case .lineComment, .blockComment: return "comment"
        case .docLineComment, .docBlockComment: return "comment doc"
        case .operator: return "operator"
        case .attribute: return "attribute"
        case .ifConfigDirective: return "directive"
        case .editorPlaceholder: return "placeholder"
        case .none: return nil
        @unknown default: return nil
        }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
