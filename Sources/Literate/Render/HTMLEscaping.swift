/// Escapes text for HTML element content and attribute values.
///
/// `&`, `<`, `>`, `"` and `'` become character references, so no chapter text, cell source
/// or program output can open a tag or end an attribute in a rendered page.
func escapeHTML(_ text: some StringProtocol) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
        switch character {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&#39;"
        default: escaped.unicodeScalars.append(character)
        }
    }
    return escaped
}
