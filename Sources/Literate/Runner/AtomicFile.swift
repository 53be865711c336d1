import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a chapter so that a reader (or an interrupt) only ever sees the old bytes or the new
/// ones: the new text goes to a temporary file in the same folder, gets the old file's
/// permissions, and replaces the old file with one `rename`.
public enum AtomicFile {
    public enum WriteError: Error, CustomStringConvertible {
        case readOnly(path: String)
        case failed(path: String, reason: String)

        public var description: String {
            switch self {
            case .readOnly(let path):
                return "\(path): error: the chapter is read-only, so its new outputs were not written; "
                    + "make it writable (chmod u+w \(path)) or use `swiftbook check` to verify without writing"
            case .failed(let path, let reason):
                return "\(path): error: cannot write the chapter: \(reason)"
            }
        }
    }

    /// Replaces the file at `path` with `bytes` if they differ from what it holds.
    /// - Returns: whether the file was written.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String) throws -> Bool {
        if let current = FileManager.default.contents(atPath: path), Array(current) == bytes { return false }
        guard access(path, W_OK) == 0 else { throw WriteError.readOnly(path: path) }
        var info = stat()
        let mode: mode_t = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644

        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).swiftbook-\(getpid())-\(UUID().uuidString.prefix(8)).tmp").path
        CleanupRegistry.shared.add(temporary)
        defer { CleanupRegistry.shared.remove(temporary) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw WriteError.failed(path: path, reason: String(cString: strerror(errno))) }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 { if errno == EINTR { continue }; return false }
                written += count
            }
            return true
        }
        let reason = String(cString: strerror(errno))
        fchmod(descriptor, mode)
        close(descriptor)
        guard ok, !Interrupts.isInterrupted, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw WriteError.failed(path: path, reason: reason)
        }
        return true
    }
}
