import Foundation

/// The output folder of `swiftbook render`: checked before anything is written, and replaced
/// as a whole so that pages of removed chapters do not linger.
///
/// A site made by swiftbook holds a `.swiftbook-site` marker file. Rendering refuses a folder
/// that is `/`, a chapters folder or one of its parents, a file, or a non-empty folder without
/// the marker (someone else's files). The new site is built in a hidden temporary folder next
/// to the output folder and swapped in with two renames, so a failed render leaves the old
/// site untouched.
enum SiteOutput {
    /// The marker file that identifies a folder written by swiftbook.
    static let markerFileName = ".swiftbook-site"

    /// Throws a `RenderError` unless `output` may be (re)written as a site.
    static func validate(output: URL, chapterFolders: [URL]) throws {
        let target = output.standardizedFileURL.resolvingSymlinksInPath()
        let path = target.path
        if path == "/" {
            throw RenderError(path: output.path, "refusing to write the site into the root folder; choose a folder such as 'site'")
        }
        for folder in chapterFolders {
            let chapters = folder.standardizedFileURL.resolvingSymlinksInPath().path
            if chapters == path || chapters.hasPrefix(path + "/") {
                throw RenderError(path: output.path, "refusing to write the site into \(chapters == path ? "the chapters folder" : "a folder that contains the chapters"); choose a separate folder such as 'site'")
            }
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw RenderError(path: output.path, "exists and is not a folder; choose a folder for the site")
        }
        let contents = try FileManager.default.contentsOfDirectory(atPath: path)
        if !contents.isEmpty && !contents.contains(markerFileName) {
            throw RenderError(path: output.path, "refusing to replace a folder that is not empty and was not made by swiftbook (it has no \(markerFileName) file); choose an empty or new folder")
        }
    }

    /// Writes `files` (file name to contents) as the complete site at `output`, replacing the
    /// previous site there, with each of `assets` (a relative path in the site, such as
    /// `img/plot.svg`, to the file to copy) copied in. File names are plain names, or one folder
    /// and a plain name (`ja/index.html` for a language edition, see `SiteEditions`).
    static func write(_ files: [String: String], assets: [String: URL] = [:], to output: URL) throws {
        let target = output.standardizedFileURL.resolvingSymlinksInPath()
        let fileManager = FileManager.default
        let parent = target.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)

        let id = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).swiftbook-new-\(id)")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).swiftbook-old-\(id)")
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        do {
            for (name, contents) in files {
                // A plain name, or one inside a language edition's folder (`ja/index.html`).
                let parts = name.split(separator: "/", omittingEmptySubsequences: false)
                precondition(parts.count <= 2 && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." },
                             "site file name '\(name)' must be a plain name or folder/name")
                let destination = staging.appendingPathComponent(name)
                if parts.count == 2 {
                    try fileManager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                }
                try Data(contents.utf8).write(to: destination)
            }
            for (path, source) in assets {
                let parts = path.split(separator: "/")
                precondition(!parts.isEmpty && !parts.contains("..") && !path.hasPrefix("/"), "asset path '\(path)' must stay inside the site")
                let destination = staging.appendingPathComponent(path)
                try fileManager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fileManager.copyItem(at: source, to: destination)
            }
            let marker = "This folder was written by `swiftbook render`; the next render replaces it entirely.\n"
            try Data(marker.utf8).write(to: staging.appendingPathComponent(markerFileName))

            if fileManager.fileExists(atPath: target.path) {
                try fileManager.moveItem(at: target, to: retired)
                do {
                    try fileManager.moveItem(at: staging, to: target)
                } catch {
                    try? fileManager.moveItem(at: retired, to: target)
                    throw error
                }
                try? fileManager.removeItem(at: retired)
            } else {
                try fileManager.moveItem(at: staging, to: target)
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw RenderError(path: output.path, "could not write the site: \(error.localizedDescription)")
        }
    }
}
