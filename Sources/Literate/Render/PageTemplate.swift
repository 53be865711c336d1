/// A chapter's place in the site: its page and its neighbours, for the previous/next links.
struct PageLink: Equatable, Sendable {
    /// The page's file name in the site (`custom-layers.html`).
    var page: String
    /// The chapter's title.
    var title: String
    /// A short plain-text description (the chapter's first paragraph), shown on the index.
    var summary: String?

    /// A link to `page` labelled `title`.
    init(page: String, title: String, summary: String? = nil) {
        self.page = page
        self.title = title
        self.summary = summary
    }
}

/// The HTML around the content: document head, header, table of contents and pager.
///
/// Pages link only `style.css` and each other, and nothing is fetched from the network. Every
/// page has a search form, a plain HTML form that opens `search.html?q=...`; only that page
/// loads a script (the search), so every other page reads the same without JavaScript.
enum PageTemplate {
    /// A whole chapter page.
    static func chapterPage(
        title: String, siteTitle: String, body: ChapterBody, previous: PageLink?, next: PageLink?,
        language: String = "en", switcher: String = ""
    ) -> String {
        var html = head(title: "\(title) · \(siteTitle)", language: language)
        html += header(siteTitle: siteTitle, switcher: switcher)
        html += "<div class=\"layout\">\n"
        // The contents come first: above the text on phones, beside it (by CSS grid) on wide screens.
        html += tableOfContents(body.headings)
        html += "<main id=\"content\">\n<article>\n\(body.html)</article>\n"
        html += pager(previous: previous, next: next)
        html += "</main>\n"
        html += "</div>\n</body>\n</html>\n"
        return html
    }

    /// The index page: the chapters in reading order.
    static func indexPage(siteTitle: String, chapters: [PageLink], language: String = "en", switcher: String = "") -> String {
        var html = head(title: siteTitle, language: language)
        html += header(siteTitle: siteTitle, switcher: switcher)
        html += "<div class=\"layout\">\n<main id=\"content\">\n"
        html += "<h1>\(escapeHTML(siteTitle))</h1>\n"
        html += "<nav aria-label=\"Chapters\">\n<ol class=\"chapter-list\">\n"
        for chapter in chapters {
            html += "<li><a href=\"\(escapeHTML(chapter.page))\">\(escapeHTML(chapter.title))</a>"
            if let summary = chapter.summary { html += "\n<p class=\"summary\">\(escapeHTML(summary))</p>\n" }
            html += "</li>\n"
        }
        html += "</ol>\n</nav>\n</main>\n</div>\n</body>\n</html>\n"
        return html
    }

    static func head(title: String, language: String = "en") -> String {
        """
        <!DOCTYPE html>
        <html lang="\(escapeHTML(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="generator" content="swiftbook">
        <title>\(escapeHTML(title))</title>
        <link rel="stylesheet" href="style.css">
        </head>
        <body>
        <a class="skip-link" href="#content">Skip to content</a>

        """
    }

    /// `switcher`: the language switcher's HTML (`SiteEditions`), empty for a one-language site.
    static func header(siteTitle: String, query: Bool = false, switcher: String = "") -> String {
        "<header class=\"site-header\"><a href=\"index.html\">\(escapeHTML(siteTitle))</a>\n"
            + "<form class=\"search-form\" action=\"search.html\" method=\"get\" role=\"search\">"
            + "<input type=\"search\" name=\"q\"\(query ? " id=\"search-query\"" : "") placeholder=\"Search\" aria-label=\"Search the chapters\">"
            + "</form>\(switcher)</header>\n"
    }

    /// The search page: the results of `?q=`, listed by `search.js` from `search-index.js`.
    static func searchPage(siteTitle: String, language: String = "en", switcher: String = "") -> String {
        var html = head(title: "Search · \(siteTitle)", language: language)
        html += header(siteTitle: siteTitle, query: true, switcher: switcher)
        html += "<div class=\"layout\">\n<main id=\"content\">\n<h1>Search</h1>\n"
        html += "<p id=\"search-status\" role=\"status\">Searching needs JavaScript; every chapter is listed on the <a href=\"index.html\">contents page</a>.</p>\n"
        html += "<ol id=\"search-results\" class=\"search-results\"></ol>\n"
        html += "<script src=\"\(SearchIndex.fileName)\"></script>\n<script src=\"\(SearchScript.fileName)\"></script>\n"
        html += "</main>\n</div>\n</body>\n</html>\n"
        return html
    }

    /// Sections (`##`) and subsections (`###`) as a nested list; the `#` title is the page's own.
    static func tableOfContents(_ headings: [Heading]) -> String {
        let entries = headings.filter { $0.level == 2 || $0.level == 3 }
        guard !entries.isEmpty else { return "" }
        var html = "<nav class=\"toc\" aria-label=\"On this page\">\n<details>\n<summary>On this page</summary>\n<ol>\n"
        var inSublist = false
        for (index, heading) in entries.enumerated() {
            let number = heading.number.map { "<span class=\"number\">\(escapeHTML($0))</span> " } ?? ""
            let link = "<a href=\"#\(escapeHTML(heading.anchor))\">\(number)\(escapeHTML(heading.text))</a>"
            if heading.level == 2 {
                if inSublist {
                    html += "</ol>\n"
                    inSublist = false
                }
                if index > 0 { html += "</li>\n" }
                html += "<li>\(link)"
            } else {
                if !inSublist {
                    // A subsection before any section still needs a list item to nest in.
                    if index == 0 { html += "<li>" }
                    html += "\n<ol>\n"
                    inSublist = true
                }
                html += "<li>\(link)</li>\n"
            }
        }
        if inSublist { html += "</ol>\n" }
        html += "</li>\n</ol>\n</details>\n</nav>\n"
        return html
    }

    static func pager(previous: PageLink?, next: PageLink?) -> String {
        guard previous != nil || next != nil else { return "" }
        var html = "<nav class=\"pager\" aria-label=\"Previous and next chapter\">\n"
        if let previous {
            html += "<a class=\"previous\" rel=\"prev\" href=\"\(escapeHTML(previous.page))\"><span>Previous</span>\(escapeHTML(previous.title))</a>\n"
        }
        if let next {
            html += "<a class=\"next\" rel=\"next\" href=\"\(escapeHTML(next.page))\"><span>Next</span>\(escapeHTML(next.title))</a>\n"
        }
        html += "</nav>\n"
        return html
    }
}
