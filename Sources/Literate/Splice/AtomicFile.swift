import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system steps of writing a chapter, each reporting a true reason on failure. The
/// policy (compare, merge, retry) is `ChapterWriter`'s.
enum AtomicFile {
    /// The regular file a chapter path stands for: the path itself, or for a symbolic link the
    /// file it finally points to, so the link is written through and stays a link.
    static func target(of path: String) throws -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw errorForMissing(errno) }
        guard (info.st_mode & S_IFMT) == S_IFLNK else { return try regularFile(path) }
        guard let resolved = realpath(path, nil) else { throw errorForMissing(errno) }
        defer { free(resolved) }
        return try regularFile(String(cString: resolved))
    }

    private static func regularFile(_ path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw errorForMissing(errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return path
        case S_IFDIR: throw ChapterWriteError.notAFile(what: "a folder")
        default: throw ChapterWriteError.notAFile(what: "something that is not a regular file")
        }
    }

    private static func errorForMissing(_ code: Int32) -> ChapterWriteError {
        code == ENOENT || code == ENOTDIR ? .vanished : .failed(reason: String(cString: strerror(code)))
    }

    /// Refuses a file whose owner has no write permission (whoever runs, root included: a
    /// read-only chapter is the author saying "do not touch"), or that this user may not write.
    static func checkWritable(_ file: String) throws -> mode_t {
        var info = stat()
        guard stat(file, &info) == 0 else { throw errorForMissing(errno) }
        guard info.st_mode & S_IWUSR != 0, access(file, W_OK) == 0 else { throw ChapterWriteError.readOnly(file: file) }
        return info.st_mode & 0o7777
    }

    /// The file's bytes, or the reason it cannot be read.
    static func read(_ file: String) throws -> [UInt8] {
        let descriptor = open(file, O_RDONLY)
        guard descriptor >= 0 else { throw errorForMissing(errno) }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw ChapterWriteError.notAFile(what: "a folder")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { CLibrary.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ChapterWriteError.failed(reason: String(cString: strerror(errno)))
            }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
        }
    }

    /// A new file beside `file` holding `bytes` with permissions `mode`; the caller renames or removes it.
    static func temporary(beside file: String, bytes: [UInt8], mode: mode_t) throws -> String {
        let url = URL(fileURLWithPath: file)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).swiftbook-\(getpid())-\(UUID().uuidString.prefix(8)).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw ChapterWriteError.failed(reason: String(cString: strerror(errno))) }
        CleanupRegistry.shared.add(temporary)
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += count
            }
        }
        fchmod(descriptor, mode)
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            discard(temporary)
            throw ChapterWriteError.failed(reason: String(cString: strerror(failure)))
        }
        return temporary
    }

    /// Removes a temporary file.
    static func discard(_ temporary: String) {
        unlink(temporary)
        CleanupRegistry.shared.remove(temporary)
    }

    /// Swaps two paths in one step (Linux `renameat2` with `RENAME_EXCHANGE`), so that after it
    /// `temporary` holds exactly what `file` held at that instant. False where the system or the
    /// file system cannot; the caller then falls back to `rename`.
    static func exchange(_ temporary: String, _ file: String) throws -> Bool {
        guard let renameat2 = renameat2Function else { return false }
        if renameat2(AT_FDCWD, temporary, AT_FDCWD, file, 2 /* RENAME_EXCHANGE */) == 0 { return true }
        let code = errno
        if code == EINVAL || code == ENOSYS || code == ENOTSUP { return false }
        throw code == ENOENT ? ChapterWriteError.vanished : ChapterWriteError.failed(reason: String(cString: strerror(code)))
    }

    /// Replaces `file` by `temporary` with one `rename`.
    static func rename(_ temporary: String, over file: String) throws {
        guard CLibrary.rename(temporary, file) == 0 else {
            let code = errno
            throw code == EISDIR ? ChapterWriteError.notAFile(what: "a folder")
                : ChapterWriteError.failed(reason: String(cString: strerror(code)))
        }
        CleanupRegistry.shared.remove(temporary)
    }

    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc has `renameat2` since 2.28, but Swift's Glibc module does not import it.
    private static let renameat2Function: Renameat2? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Renameat2.self)
        #else
        return nil
        #endif
    }()
}

/// `read(2)` and `rename(2)` under names that `AtomicFile`'s own `read` and `rename` do not hide.
private enum CLibrary {
    static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    static func rename(_ old: String, _ new: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.rename(old, new)
        #else
        Darwin.rename(old, new)
        #endif
    }
}
