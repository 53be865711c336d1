import Foundation

/// What the cache key says about the tools, by content only: swiftbook's version and the
/// SHA-256 of its executable (which fixes how cells are planned), the engine's files
/// (`Engine.identity`), and `swiftc --version`. No path and no modification time is in it, so a
/// cache folder restored into a fresh clone of the same commit, with everything rebuilt, still
/// answers every chapter. The file digests are remembered in the cache folder (`FileDigests`),
/// so a warm run reads no executable or library.
public enum ToolIdentity {
    /// The identity of this swiftbook, the engine and the compiler, for `ResultCache.key`.
    public static func make(engine: Engine, compiler: SwiftCompiler, cacheDirectory: URL?,
                            executable: URL? = Bundle.main.executableURL) -> String {
        let digests = FileDigests(directory: cacheDirectory?.appendingPathComponent("digests"))
        return [SwiftbookVersion.identity(executable: executable, digests: digests), engine.identity(digests: digests),
                compiler.version(cacheDirectory: cacheDirectory)].joined(separator: "\n")
    }
}

/// swiftbook's own version, part of every cache key.
public enum SwiftbookVersion {
    public static let number = "0.1.0"

    /// The release number and the digest of the running executable's bytes, so a rebuilt runner
    /// that plans cells differently never trusts an old result, and an identical one always does.
    static func identity(executable: URL?, digests: FileDigests) -> String {
        let path = executable?.resolvingSymlinksInPath().path
        return "swiftbook \(number) \(path.flatMap(digests.digest(ofFile:)) ?? "unknown")"
    }
}
