import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Digests of files by their content, remembered in a folder so a warm run does not read
/// megabytes again: for an ELF file the digest of what the loader maps (`ELFContent`, the same
/// for two clean builds of the same sources), else the SHA-256 of the bytes.
///
/// A remembered digest is found under the file's path, size, modification time, inode and device:
/// any rebuild, copy or fresh clone changes one of them, so the file is read and hashed again,
/// and the same bytes give the same digest wherever and whenever they were made. That is what
/// lets a cache folder move between machines and clones (`ToolIdentity`).
struct FileDigests: Sendable {
    /// Where digests are remembered (`<cache>/digests`); nil remembers nothing.
    let directory: URL?

    /// Digests remembered in `directory` (created when missing), or nowhere for nil.
    init(directory: URL?) {
        self.directory = directory
        if let directory { try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
    }

    /// `elf-sections:<hex>` or `sha256:<hex>` for the file's bytes, or nil when it cannot be read.
    func digest(ofFile path: String) -> String? {
        guard let stamp = Self.stamp(path) else { return nil }
        let memo = directory?.appendingPathComponent("\(SHA256.hex(stamp)).sha256")
        if let memo, let text = try? String(contentsOf: memo, encoding: .utf8), Self.isDigest(text) { return text }
        guard let digest = Self.hash(file: path) else { return nil }
        if let memo, let directory {
            // Written beside and renamed, so a reader never sees half a digest.
            let temporary = directory.appendingPathComponent(".\(UUID().uuidString).tmp")
            if (try? digest.write(to: temporary, atomically: false, encoding: .utf8)) != nil,
               rename(temporary.path, memo.path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
            }
        }
        return digest
    }

    /// The file's content digest, read memory-mapped (the tool's executable may be tens of megabytes).
    static func hash(file path: String) -> String? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return nil }
        if let digest = ELFContent.digest(data) { return "elf-sections:" + digest }
        var hash = SHA256()
        data.withUnsafeBytes { hash.update(buffer: $0) }
        return "sha256:" + hash.hexDigest()
    }

    /// `path size mtime inode device` of the file the path leads to (`FileStamp`), or nil when
    /// it is missing.
    static func stamp(_ path: String) -> String? {
        FileStamp(path: path).map { "\(path)\0\($0)" }
    }

    private static func isDigest(_ text: String) -> Bool {
        guard let hex = text.split(separator: ":", maxSplits: 1).last, text.hasPrefix("sha256:") || text.hasPrefix("elf-sections:")
        else { return false }
        return hex.utf8.count >= 16 && hex.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
