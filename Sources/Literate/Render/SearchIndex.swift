import CCmark
import Foundation

/// One section of a chapter as the search sees it: where it is and its plain text.
struct SearchSection: Equatable, Sendable {
    /// The heading's anchor on its page ("" for text before the first heading).
    var anchor: String
    /// The heading as shown, number included ("2.1 Layers without Parameters").
    var title: String
    /// The section's prose as plain text (math as TeX; code cells and outputs left out).
    var text: String
}

/// The search index of a site: every section of every chapter, written as `search-index.js`, a
/// script that assigns the index to `window.swiftbookSearchIndex`.
///
/// A script rather than a JSON file because a page opened from `file://` may load a script but
/// may not `fetch` a file. The index is the sections' plain text: for a book of this size that
/// is smaller than an inverted index would be, and `search.js` scans it in a few milliseconds.
enum SearchIndex {
    /// The file name of the index in the site.
    static let fileName = "search-index.js"

    struct Entry: Encodable {
        /// Page and anchor: `custom-layers.html#layers-with-parameters`.
        var url: String
        /// The chapter's title, numbered.
        var chapter: String
        /// The section's title, numbered.
        var title: String
        var text: String
    }

    /// The index script for `chapters` (each page's name, numbered title and sections, in book order).
    static func script(chapters: [(page: String, title: String, sections: [SearchSection])]) -> String {
        var entries: [Entry] = []
        for chapter in chapters {
            for section in chapter.sections where !section.text.isEmpty || !section.title.isEmpty {
                let url = section.anchor.isEmpty ? chapter.page : "\(chapter.page)#\(section.anchor)"
                entries.append(Entry(url: url, chapter: chapter.title, title: section.title.isEmpty ? chapter.title : section.title,
                                     text: section.text))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return "// The search index of this site, written by swiftbook render; read by search.js.\n"
            + "window.swiftbookSearchIndex = \(json);\n"
    }
}

extension ChapterBody {
    /// The chapter's top-level blocks grouped under their headings, as plain text.
    static func searchSections(of document: OpaquePointer, math: MathProtector, numbers: [String?]) -> [SearchSection] {
        var slugger = HeadingSlugger()
        var sections = [SearchSection(anchor: "", title: "", text: "")]
        var headingIndex = 0
        var block = document.firstChild
        while let node = block {
            block = node.nextSibling
            let raw = node.plainText
            let text = math.replacingMathWithTeX(in: Self.blockText(node))
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if node.nodeType == CMARK_NODE_HEADING {
                let anchor = slugger.uniqueSlug(for: math.restoringOriginals(in: raw))
                let number = headingIndex < numbers.count ? numbers[headingIndex] : nil
                headingIndex += 1
                sections.append(SearchSection(anchor: anchor, title: [number, text].compactMap { $0 }.joined(separator: " "), text: ""))
            } else if !text.isEmpty {
                sections[sections.count - 1].text += (sections[sections.count - 1].text.isEmpty ? "" : " ") + text
            }
        }
        if sections[0].text.isEmpty { sections.removeFirst() }
        return sections
    }

    /// A block's text with a space between its paragraphs and list items (`plainText` would
    /// run "end.Next" together).
    static func blockText(_ block: OpaquePointer) -> String {
        var text = ""
        for node in block.descendants() {
            switch node.nodeType {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_PARAGRAPH, CMARK_NODE_ITEM, CMARK_NODE_HEADING: text += " "
            default: break
            }
        }
        return text
    }
}
