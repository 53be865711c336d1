import Foundation

/// What the cache key says about the tools, by content only: swiftbook's version and the
/// digest of its sources (which fix how cells are planned; `SwiftbookVersion`), the engine's files
/// (`Engine.identity`), and `swiftc --version`. No path and no modification time is in it, so a
/// cache folder restored into a fresh clone of the same commit, with everything rebuilt, still
/// answers every chapter. The file digests are remembered in the cache folder (`FileDigests`),
/// so a warm run reads no executable or library.
enum ToolIdentity {
    /// The identity of this swiftbook, the engine and the compiler, for `ResultCache.key`.
    static func make(engine: Engine, compiler: SwiftCompiler, cacheDirectory: URL?,
                            executable: URL? = Bundle.main.executableURL) -> String {
        let digests = FileDigests(directory: cacheDirectory?.appendingPathComponent("digests"))
        return [SwiftbookVersion.identity(executable: executable, digests: digests), engine.identity(digests: digests),
                compiler.version(cacheDirectory: cacheDirectory)].joined(separator: "\n")
    }
}

/// swiftbook's own version, part of every cache key.
public enum SwiftbookVersion {
    /// The release number, as `swiftbook --version` prints it.
    public static let number = "0.1.0"

    /// The folder of swiftbook's sources this tool was built from.
    static let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The release number and the content of what decides how cells are planned: the digests of
    /// swiftbook's sources (`Sources/Literate`, `Sources/swiftbook`, `Package.swift`, and the
    /// `Package.resolved` that pins swift-syntax) this tool was built from. Builds are not
    /// byte-for-byte reproducible (a clean debug build differs from an incremental one), so the
    /// executable's bytes would make every fresh clone miss; its sources do not. When those
    /// sources are gone, or one is newer than the executable (edited since the build, so the
    /// tool may not be what they say), the executable's own digest stands in: a miss, never a
    /// wrong hit.
    static func identity(executable: URL?, digests: FileDigests, sourceRoot: URL = sourceRoot) -> String {
        let path = executable?.resolvingSymlinksInPath().path
        let built = path.flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }
        if let built, let sources = sourcesDigest(root: sourceRoot, builtAt: built, digests: digests) {
            return "swiftbook \(number) sources \(sources)"
        }
        return "swiftbook \(number) executable \(path.flatMap(digests.digest(ofFile:)) ?? "unknown")"
    }

    /// One digest over the sources' relative paths and content digests, or nil when there are
    /// none or one was modified after `builtAt`.
    static func sourcesDigest(root: URL, builtAt: Date, digests: FileDigests) -> String? {
        let manager = FileManager.default
        var files: [String] = []
        for folder in ["Sources/Literate", "Sources/swiftbook"] {
            let enumerator = manager.enumerator(atPath: root.appendingPathComponent(folder).path)
            while let file = enumerator?.nextObject() as? String {
                if file.hasSuffix(".swift") { files.append(folder + "/" + file) }
            }
        }
        guard !files.isEmpty else { return nil }
        files += ["Package.swift", "Package.resolved"].filter { manager.fileExists(atPath: root.appendingPathComponent($0).path) }
        var hash = SHA256()
        for file in files.sorted() {
            let path = root.appendingPathComponent(file).path
            guard let modified = try? manager.attributesOfItem(atPath: path)[.modificationDate] as? Date, modified <= builtAt,
                  let digest = digests.digest(ofFile: path) else { return nil }
            hash.update(field: file)
            hash.update(field: digest)
        }
        return hash.hexDigest()
    }
}
