/// Turns a request target (`/custom-layers.html?x#y`) into the name of a file of the site
/// (`custom-layers.html`), or nil when the target points outside the site.
///
/// The preview serves only names it holds in memory (pages) or lists (a chapter's images), so
/// no request can name an arbitrary file; this is the first fence: a target that is not an
/// absolute path (`http://...`, `*`), or that holds a `..` or `.` segment, an empty segment
/// (`//`), a backslash, a NUL or an invalid percent-escape, after percent-decoding
/// (`%2e%2e%2f` is `../`), is refused.
enum SitePath {
    /// The site file for `target`, `index.html` for `/`.
    static func resolve(_ target: String) -> String? {
        guard target.hasPrefix("/"), !target.hasPrefix("//") else { return nil }
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard let decoded = percentDecoded(String(path.dropFirst())) else { return nil }
        if decoded.isEmpty { return "index.html" }
        if decoded.contains("\\") || decoded.contains("\0") || decoded.hasPrefix("/") { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments where segment.isEmpty || segment == "." || segment == ".." {
            return nil
        }
        return decoded
    }

    /// The query parameter `name` of `target`, percent-decoded.
    static func query(_ name: String, in target: String) -> String? {
        guard let query = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts[0] == name { return percentDecoded(parts.count > 1 ? String(parts[1]) : "") }
        }
        return nil
    }

    /// `%2e` to `.` and so on, as UTF-8; nil for a bad escape or bytes that are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
