import Foundation

/// Finds the chapters named on the command line and puts them in reading order.
///
/// A path may be a Markdown file or a folder. A folder contributes its `*.md` files (not its
/// subfolders). Their order comes from the folder's `ORDER` file when it has one, else from
/// their file names sorted by byte value.
///
/// `ORDER` format (UTF-8 text, for example `Chapters/ORDER`):
/// ```
/// # Lines starting with "#" and blank lines are ignored.
/// layers-and-modules.md
/// custom-layers.md
/// ```
/// One chapter file name per line, relative to the folder that holds `ORDER`, surrounding
/// spaces ignored. Listed files come first, in the listed order; `.md` files of the folder that
/// are not listed follow, sorted by name. A name that is not a `.md` file in the folder, contains
/// a `/`, or is listed twice is an error at its line.
enum ChapterOrder {
    /// The name of the order file inside a chapters folder.
    static let orderFileName = "ORDER"

    /// The chapter files for `paths`, in reading order, each once: the one place where command
    /// lines become books. A file stands for itself; a folder for its `.md` files in reading order
    /// and, with `translations` (`run`, `check`), then for the chapters of its language folders
    /// in their source's order (`TranslationLayout`). Every missing path and every mistake of an
    /// `ORDER` file is reported, as one `DiagnosticList`.
    static func chapterFiles(for paths: [String], translations: Bool = false) throws -> [URL] {
        var files: [URL] = []
        var seen = Set<String>()
        var errors: [Diagnostic] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                errors.append(missing(path))
                continue
            }
            do {
                let url = URL(fileURLWithPath: path)
                let found = !isFolder.boolValue ? [url]
                    : translations ? try TranslationLayout.chaptersWithTranslations(inFolder: url)
                    : try orderedFiles(inFolder: url)
                for file in found where seen.insert(file.standardizedFileURL.path).inserted {
                    files.append(file)
                }
            } catch {
                errors += Diagnostic.all(from: error)
            }
        }
        if !errors.isEmpty { throw DiagnosticList(errors) }
        return files
    }

    /// What every command says about a PATH argument that does not exist.
    static func missing(_ path: String) -> Diagnostic {
        .error("no such file or folder; pass Markdown chapters or folders of them (the default is Chapters)", path: path)
    }

    /// The `.md` files of `folder`, in the order of its `ORDER` file or by name.
    static func orderedFiles(inFolder folder: URL) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            .filter { name in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder) && !isFolder.boolValue
            }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let orderFile = folder.appendingPathComponent(orderFileName)
        guard FileManager.default.fileExists(atPath: orderFile.path) else {
            return names.map { folder.appendingPathComponent($0) }
        }
        let listed = try listedNames(in: orderFile, available: Set(names))
        let unlisted = names.filter { !listed.contains($0) }
        return (listed + unlisted).map { folder.appendingPathComponent($0) }
    }

    /// How a file is named in messages: relative to the current folder when it is inside it
    /// (`Chapters/x.md`), so errors read the same however the path was typed.
    static func displayPath(_ url: URL) -> String {
        let absolute = url.standardizedFileURL.path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }

    /// The names listed in an `ORDER` file, checked against the folder's `.md` files.
    static func listedNames(in orderFile: URL, available: Set<String>) throws -> [String] {
        let text: String
        do {
            text = try String(contentsOf: orderFile, encoding: .utf8)
        } catch {
            throw Diagnostic.error("cannot read the chapter order file as UTF-8 text", path: displayPath(orderFile))
        }
        var listed: [String] = []
        var errors: [Diagnostic] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let name = rawLine.trimmingCharacters(in: .whitespaces)
            if name.isEmpty || name.hasPrefix("#") { continue }
            let column = (rawLine.firstIndex(where: { !$0.isWhitespace }).map { rawLine.distance(from: rawLine.startIndex, to: $0) } ?? 0) + 1
            let location = (path: displayPath(orderFile), line: offset + 1, column: column)
            if name.contains("/") {
                errors.append(.error("'\(name)' is a path; ORDER lists file names in its own folder, one per line",
                    path: location.path, line: location.line, column: column))
            } else if !available.contains(name) {
                errors.append(.error("'\(name)' is not a .md file in \(displayPath(orderFile.deletingLastPathComponent())); fix the name or remove the line",
                    path: location.path, line: location.line, column: column))
            } else if listed.contains(name) {
                errors.append(.error("'\(name)' is listed twice; each chapter appears once",
                    path: location.path, line: location.line, column: column))
            } else {
                listed.append(name)
            }
        }
        if !errors.isEmpty { throw DiagnosticList(errors) }
        return listed
    }
}
