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
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + script }
        return html.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: script)
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
