import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One version of a file as `stat` sees it, without reading it: its size, modification time,
/// inode and device. Saving a file, replacing it by a rename, a rebuild, a copy or a fresh clone
/// each change at least one of them.
///
/// The one answer to "has this file changed?": the preview's `FileWatcher` polls it, and
/// `FileDigests` (and the compiler's remembered version) key what they remember by it.
struct FileStamp: Hashable, Sendable, CustomStringConvertible {
    var size: Int64
    /// Modification time: seconds since 1970 and the nanoseconds within that second.
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64
    var inode: UInt64
    var device: UInt64

    /// The stamp of the file `path` leads to (through symbolic links), nil when it is missing.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        size = Int64(info.st_size)
        modifiedSeconds = Int64(modified.tv_sec)
        modifiedNanoseconds = Int64(modified.tv_nsec)
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
    }

    /// `size`, `seconds.nanoseconds`, inode and device, separated by NUL characters.
    var description: String {
        "\(size)\0\(modifiedSeconds).\(modifiedNanoseconds)\0\(inode)\0\(device)"
    }
}
