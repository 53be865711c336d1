import Foundation

/// `swiftbook status`: where each translation stands against its source.
public enum TranslationStatus {
    /// One translation, or one that should exist.
    public struct Entry: Equatable, Sendable {
        /// Where the translation stands.
        enum State: Equatable, Sendable {
            case inSync
            /// The source's cells that changed since the translation was made.
            case outdated([Cell.ID])
            /// The translation records no version of its source (run `swiftbook run` on it).
            case unrecorded
            /// A source chapter with no translation in a language folder that exists.
            case missing
        }
        /// The translation's path (where it would be, when missing).
        var path: String
        /// The language folder's tag.
        var language: String
        /// The source chapter's path.
        var source: String
        var state: State

        /// `Chapters/ja/custom-layers.md: outdated (cells 4, 7 of Chapters/custom-layers.md changed)`.
        public var line: String {
            switch state {
            case .inSync: return "\(path): in sync"
            case .outdated(let cells):
                let noun = cells.count == 1 ? "cell" : "cells"
                return "\(path): outdated (\(noun) \(cells.map { String($0.number) }.joined(separator: ", ")) of \(source) changed)"
            case .unrecorded: return "\(path): outdated (no source= record; run swiftbook run \(path))"
            case .missing: return "\(path): missing (no \(language) translation of \(source))"
            }
        }

        /// Outdated and unrecorded translations make `status` exit 1.
        public var isOutdated: Bool {
            switch state {
            case .outdated, .unrecorded: return true
            case .inSync, .missing: return false
            }
        }
    }

    /// The entries for `paths`: a folder stands for every translation in its language folders
    /// (and the chapters they lack); a translation for itself; a source chapter for its
    /// translations in the language folders beside it.
    public static func entries(for paths: [String]) throws -> [Entry] {
        var entries: [Entry] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ChapterOrder.missing(path)
            }
            if isFolder.boolValue {
                let folder = URL(fileURLWithPath: path)
                let sources = try ChapterOrder.orderedFiles(inFolder: folder).map(\.lastPathComponent)
                for language in TranslationLayout.languageFolders(in: folder) {
                    for name in sources {
                        entries.append(try entry(source: (path as NSString).appendingPathComponent(name),
                                                 language: language.lastPathComponent))
                    }
                }
            } else if let (source, language) = TranslationLayout.source(ofTranslation: path) {
                entries.append(try entry(source: source, language: language))
            } else {
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
                for language in TranslationLayout.languageFolders(in: folder) {
                    entries.append(try entry(source: path, language: language.lastPathComponent))
                }
            }
        }
        return entries
    }

    /// The entry for the `language` translation of the chapter at `source`.
    static func entry(source: String, language: String) throws -> Entry {
        let name = (source as NSString).lastPathComponent
        let path = (((source as NSString).deletingLastPathComponent as NSString).appendingPathComponent(language) as NSString)
            .appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: path) else {
            return Entry(path: path, language: language, source: source, state: .missing)
        }
        let drift = TranslationDrift(translation: try Chapter.load(path: path), source: try Chapter.load(path: source))
        let state: Entry.State
        switch drift.state {
        case .inSync: state = .inSync
        case .outdated(let cells): state = .outdated(cells)
        case .unrecorded: state = .unrecorded
        }
        return Entry(path: path, language: language, source: source, state: state)
    }
}
