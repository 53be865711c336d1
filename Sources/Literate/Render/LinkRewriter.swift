import Foundation

/// Rewrites links between chapters so they work in the site as they do on a code host.
enum LinkRewriter {
    /// `url` with a relative link to a rendered chapter (`other.md`, `./other.md#section`)
    /// replaced by its page (`other.html`, `other.html#section`); anything else (absolute URLs,
    /// `#fragment` links, files that are not chapters of this site) unchanged.
    static func rewrite(_ url: String, pageNames: [String: String]) -> String {
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("/") || url.contains(":") { return url }
        let path: Substring
        let fragment: Substring
        if let hash = url.firstIndex(of: "#") {
            path = url[..<hash]
            fragment = url[hash...]
        } else {
            path = url[...]
            fragment = ""
        }
        let fileName = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let decoded = fileName.removingPercentEncoding ?? fileName
        guard let page = pageNames[decoded] else { return url }
        return page + fragment
    }
}
