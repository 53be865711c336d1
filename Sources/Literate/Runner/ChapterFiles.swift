import Foundation

/// Turns the PATH arguments into chapter files: a file stands for itself, a folder for the `.md`
/// files in it (and its subfolders), sorted by path.
enum ChapterFiles {
    struct MissingPath: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "\(path): error: no such file or folder; pass Markdown chapters or folders of them (the default is Chapters)"
        }
    }

    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw MissingPath(path: path) }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
                .filter { $0.hasSuffix(".md") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .sorted()
            files += found.map { "\(base)/\($0)" }
        }
        var seen: Set<String> = []
        return files.map(displayPath).filter { seen.insert($0).inserted }
    }

    /// A chapter's path as messages and recorded compiler errors show it: relative to the current
    /// folder when the file is inside it (`./Chapters/x.md` and `/abs/Chapters/x.md` both become
    /// `Chapters/x.md`), so recorded outputs do not depend on how the path was typed.
    static func displayPath(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
}
