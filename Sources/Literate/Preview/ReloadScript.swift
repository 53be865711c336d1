import Foundation

/// The script that makes a preview page reload itself when the server says its page changed.
///
/// Only `swiftbook preview` adds it, just before `</body>`, to the pages it serves; pages that
/// `swiftbook render` writes never contain it. The page listens to
/// `/_swiftbook/events?page=NAME` (server-sent events) and reloads on an event naming it,
/// keeping the reader's scroll position.
enum ReloadScript {
    /// The path of the event stream.
    static let eventsPath = "/_swiftbook/events"
    /// A marker the tests and the benchmark look for.
    static let marker = "data-swiftbook-preview"

    /// `html` with the script inserted before its closing `</body>`, for the page `page`.
    static func inject(into html: String, page: String) -> String {
        let script = """
        <script \(marker)>
        (function () {
          var key = "swiftbook-scroll:" + location.pathname;
          var saved = sessionStorage.getItem(key);
          if (saved !== null) { sessionStorage.removeItem(key); window.scrollTo(0, Number(saved)); }
          var events = new EventSource("\(eventsPath)?page=" + encodeURIComponent(\(javaScriptString(page))));
          events.addEventListener("reload", function () {
            sessionStorage.setItem(key, String(window.scrollY));
            location.reload();
          });
        })();
        </script>

        """
        // Found from the end, in UTF-8 bytes: the tag is a few bytes before the end of a page, and
        // Foundation's `range(of:options:)` would convert the whole page to UTF-16 first.
        let bytes = Array(html.utf8), closing = Array("</body>".utf8)
        guard let start = stride(from: bytes.count - closing.count, through: 0, by: -1)
            .first(where: { bytes[$0..<$0 + closing.count].elementsEqual(closing) }) else { return html + script }
        return String(decoding: bytes[..<start] + Array(script.utf8) + bytes[start...], as: UTF8.self)
    }

    /// A JavaScript string literal for a page name.
    private static func javaScriptString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&": result += "\\u" + String(format: "%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
