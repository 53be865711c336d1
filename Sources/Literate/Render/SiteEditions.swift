import Foundation

/// The language editions of a site: the source chapters at the top of the site, and each
/// language folder's translations (`TranslationLayout`) as a site of their own in a folder named
/// by the language tag (`ja/index.html`, `ja/custom-layers.html`, `ja/search.html`), with its own
/// index, search index and `lang`. Every page links the same chapter in the other languages.
struct SiteEditions {
    /// One language's chapters and where its pages go.
    struct Edition {
        /// The BCP 47 tag set as the pages' `lang`.
        var language: String
        /// The folder of the site the edition's pages are in ("" for the source language).
        var folder: String
        /// The chapter files, in reading order.
        var files: [URL]
        /// Their page names.
        var pages: Set<String>
    }

    /// The source language's tag: the chapters at the top are taken to be English.
    static let sourceLanguage = "en"

    var editions: [Edition]

    /// The editions for the chapters `files` found at `paths`: the language folders of every
    /// folder among `paths`.
    init(paths: [String], files: [URL]) throws {
        editions = [Edition(language: Self.sourceLanguage, folder: "", files: files,
                            pages: Set(files.map { PageNames.pageName(forChapterFile: $0.lastPathComponent) }))]
        var byLanguage: [String: [URL]] = [:]
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            let folder = URL(fileURLWithPath: path)
            let order = try ChapterOrder.orderedFiles(inFolder: folder).map(\.lastPathComponent)
            for languageFolder in TranslationLayout.languageFolders(in: folder) {
                byLanguage[languageFolder.lastPathComponent, default: []]
                    += try TranslationLayout.orderedTranslations(in: languageFolder, sourceOrder: order)
            }
        }
        for (language, files) in byLanguage.sorted(by: { $0.key < $1.key }) {
            editions.append(Edition(language: language, folder: language + "/", files: files,
                                    pages: Set(files.map { PageNames.pageName(forChapterFile: $0.lastPathComponent) })))
        }
    }

    /// The language switcher for `page` (a chapter page, `index.html` or `search.html`) of
    /// `edition`: every language, the current one marked, the others linking the same page
    /// when that language has it and its index otherwise. Empty for a one-language site.
    func switcher(page: String, in edition: Edition) -> String {
        guard editions.count > 1 else { return "" }
        let up = edition.folder.isEmpty ? "" : "../"
        var html = "<nav class=\"languages\" aria-label=\"Languages\"><ul>"
        for other in editions {
            let name = escapeHTML(Self.name(of: other.language))
            if other.language == edition.language {
                html += "<li><span aria-current=\"page\" lang=\"\(other.language)\">\(name)</span></li>"
                continue
            }
            let target = other.pages.contains(page) || page == "index.html" || page == "search.html" ? page : "index.html"
            html += "<li><a href=\"\(up)\(other.folder)\(escapeHTML(target))\" hreflang=\"\(other.language)\" "
                + "lang=\"\(other.language)\">\(name)</a></li>"
        }
        return html + "</ul></nav>\n"
    }

    /// A language's own name, as its readers write it; the tag itself for languages not listed.
    static func name(of language: String) -> String {
        let names = ["en": "English", "ja": "日本語", "zh": "中文", "zh-Hans": "简体中文", "zh-Hant": "繁體中文",
                     "ko": "한국어", "vi": "Tiếng Việt", "fr": "Français", "de": "Deutsch", "es": "Español"]
        return names[language] ?? language
    }

    /// Fonts that show Japanese and Chinese well, chosen by the page's `lang` (the same Han
    /// characters are drawn differently in each), plus the switcher's look.
    static let css = """

    /* Language editions (Sources/Literate/Render/SiteEditions.swift) */
    :lang(ja) { --prose-font: "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Yu Gothic", Meiryo,
      "Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", sans-serif; }
    :lang(zh), :lang(zh-Hans) { --prose-font: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC",
      "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; }
    :lang(zh-Hant) { --prose-font: "PingFang TC", "Microsoft JhengHei", "Noto Sans CJK TC", "Noto Sans TC", sans-serif; }
    :lang(ja), :lang(zh) { line-height: 1.8; }
    :lang(ja) code, :lang(ja) pre { font-family: var(--code-font), "Noto Sans Mono CJK JP", monospace; }
    :lang(zh) code, :lang(zh) pre { font-family: var(--code-font), "Noto Sans Mono CJK SC", monospace; }
    .languages ul { list-style: none; display: flex; gap: 0.75em; margin: 0; padding: 0; font-size: 0.9rem; }
    .languages [aria-current] { font-weight: 600; }
    """
}
