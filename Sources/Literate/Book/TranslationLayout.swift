import Foundation

/// Where translations live: a chapter `Chapters/ja/custom-layers.md` translates
/// `Chapters/custom-layers.md`. The language folder's name is a BCP 47 tag (`ja`, `zh`,
/// `zh-Hant`, `pt-BR`) and the source is the file of the same name one folder up.
///
/// A subfolder is a language folder when its name reads as a tag and it holds at least one
/// translation (a `.md` file named like a chapter of the folder above), so an `img` folder of
/// pictures is never mistaken for one.
enum TranslationLayout {
    /// Whether `name` has the shape of a BCP 47 tag: a language subtag of 2 or 3 letters, then
    /// `-`-separated subtags of 1 to 8 letters or digits (`ja`, `zh-Hans`, `es-419`).
    static func isLanguageTag(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
              language.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// The source chapter that `path` translates, and the language, if `path` sits in a language
    /// folder beside a chapter of the same name.
    static func source(ofTranslation path: String) -> (source: String, language: String)? {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let language = folder.lastPathComponent
        guard isLanguageTag(language) else { return nil }
        let source = folder.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent)
        guard FileManager.default.fileExists(atPath: source.path) else { return nil }
        // Keep a relative path relative, so messages name the source as the user would.
        let parent = (path as NSString).deletingLastPathComponent
        let sourcePath = ((parent as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent(url.lastPathComponent)
        return (sourcePath, language)
    }

    /// The language folders inside `folder`, by tag.
    static func languageFolders(in folder: URL) -> [URL] {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: folder.path) else { return [] }
        let chapters = Set(names.filter { $0.hasSuffix(".md") })
        return names.sorted().compactMap { name in
            let candidate = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard isLanguageTag(name), fileManager.fileExists(atPath: candidate.path, isDirectory: &isFolder),
                  isFolder.boolValue,
                  let inside = try? fileManager.contentsOfDirectory(atPath: candidate.path),
                  inside.contains(where: chapters.contains) else { return nil }
            return candidate
        }
    }

    /// The chapters of a language folder in reading order: its own `ORDER` file when it has
    /// one; otherwise the order of the source chapters they translate (`sourceOrder`, file
    /// names), then the others by name.
    static func orderedTranslations(in languageFolder: URL, sourceOrder: [String]) throws -> [URL] {
        let byName = try ChapterOrder.orderedFiles(inFolder: languageFolder)
        if FileManager.default.fileExists(atPath: languageFolder.appendingPathComponent(ChapterOrder.orderFileName).path) {
            return byName
        }
        let names = byName.map(\.lastPathComponent)
        let ordered = sourceOrder.filter(names.contains) + names.filter { !sourceOrder.contains($0) }
        return ordered.map { languageFolder.appendingPathComponent($0) }
    }

    /// A folder's chapters followed by those of each of its language folders (in tag order),
    /// as `run`, `check` and `status` take a folder.
    static func chaptersWithTranslations(inFolder folder: URL) throws -> [URL] {
        // A language folder given by itself (`Chapters/ja`) reads in its source's order.
        let parent = folder.standardizedFileURL.deletingLastPathComponent()
        if languageFolders(in: parent).contains(where: { $0.standardizedFileURL.path == folder.standardizedFileURL.path }) {
            let order = try ChapterOrder.orderedFiles(inFolder: parent).map(\.lastPathComponent)
            return try orderedTranslations(in: folder, sourceOrder: order)
        }
        let sources = try ChapterOrder.orderedFiles(inFolder: folder)
        let order = sources.map(\.lastPathComponent)
        var files = sources
        for language in languageFolders(in: folder) {
            files += try orderedTranslations(in: language, sourceOrder: order)
        }
        return files
    }

    /// `files` split by folder, keeping their order: the source chapters are one book, each
    /// language folder's translations another (references resolve within one book).
    static func booksByFolder(_ files: [String]) -> [[String]] {
        var books: [[String]] = []
        var folders: [String: Int] = [:]
        for file in files {
            let folder = (file as NSString).deletingLastPathComponent
            if let index = folders[folder] { books[index].append(file) } else {
                folders[folder] = books.count
                books.append([file])
            }
        }
        return books
    }
}
