extension Diagnostic {
    /// The diagnostic as a GitHub Actions workflow command, one line:
    /// `::error file=…,line=…,col=…::message` (the message and its detail with newlines as `%0A`),
    /// so CI shows it at the file and line.
    var githubAnnotation: String {
        var properties: [String] = []
        if let location {
            properties.append("file=\(Self.escapeProperty(location.path))")
            if let line = location.line { properties.append("line=\(line)") }
            if let column = location.column { properties.append("col=\(column)") }
        }
        var text = message
        for note in notes { text += "\n" + note.description }
        if let detail { text += "\n" + detail }
        let head = properties.isEmpty ? "::\(severity.rawValue)" : "::\(severity.rawValue) \(properties.joined(separator: ","))"
        return "\(head)::\(Self.escapeData(OutputEncoding.visible(text)))\n"
    }

    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
