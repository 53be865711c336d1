import Foundation

/// Turns the PATH arguments of `run` and `check` into chapter files: a file stands for itself, a
/// folder for its `.md` files in reading order (its `ORDER` file, else by name), exactly the
/// chapters `render` shows, followed by those of its language folders (`TranslationLayout`).
enum ChapterFiles {
    struct MissingPath: DiagnosticConvertible {
        var path: String
        var diagnostics: [Diagnostic] {
            [.error("no such file or folder; pass Markdown chapters or folders of them (the default is Chapters)", path: path)]
        }
    }

    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw MissingPath(path: path) }
            if isFolder.boolValue {
                files += try TranslationLayout.chaptersWithTranslations(inFolder: URL(fileURLWithPath: path)).map(ChapterOrder.displayPath)
            } else {
                files.append(displayPath(path))
            }
        }
        var seen: Set<String> = []
        return files.filter { seen.insert($0).inserted }
    }

    /// A chapter's path as messages and recorded compiler errors show it: relative to the current
    /// folder when the file is inside it (`./Chapters/x.md` and `/abs/Chapters/x.md` both become
    /// `Chapters/x.md`), so recorded outputs do not depend on how the path was typed.
    static func displayPath(_ path: String) -> String {
        ChapterOrder.displayPath(URL(fileURLWithPath: path))
    }
}
