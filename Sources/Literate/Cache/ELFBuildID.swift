import Foundation

/// The GNU build ID of an ELF file: the hash of the file's content that the linker writes into
/// its `.note.gnu.build-id` note (lld and gold compute it from the bytes they link; Swift's
/// driver asks for one on Linux).
///
/// Reading it costs a few pages where hashing the tool's executable (about 60 MB in a debug
/// build) with `SHA256` costs seconds, and it names the same thing: the linked content.
enum ELFBuildID {
    /// The build ID as hex digits, or nil when `data` is not a 64-bit little-endian ELF file with one.
    static func read(_ data: Data) -> String? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> String? in
            // e_ident: magic, class 2 (64-bit), data 1 (little-endian).
            guard bytes.count >= 64, bytes[0] == 0x7F, bytes[1] == 0x45, bytes[2] == 0x4C, bytes[3] == 0x46,
                  bytes[4] == 2, bytes[5] == 1 else { return nil }
            let programHeaders = Int(load(bytes, 0x20, as: UInt64.self))
            let entrySize = Int(load(bytes, 0x36, as: UInt16.self))
            let count = Int(load(bytes, 0x38, as: UInt16.self))
            for index in 0..<count {
                let header = programHeaders + index * entrySize
                guard header + 0x28 <= bytes.count else { return nil }
                // p_type PT_NOTE (4): p_offset at 0x08, p_filesz at 0x20.
                guard load(bytes, header, as: UInt32.self) == 4 else { continue }
                let start = Int(load(bytes, header + 0x08, as: UInt64.self))
                let size = Int(load(bytes, header + 0x20, as: UInt64.self))
                if let id = buildID(inNotes: bytes, from: start, to: min(start + size, bytes.count)) { return id }
            }
            return nil
        }
    }

    /// Walks the notes `namesz, descsz, type, name, desc` (name and desc padded to 4 bytes) for
    /// the one of type NT_GNU_BUILD_ID (3) named `GNU`.
    private static func buildID(inNotes bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> String? {
        var offset = start
        while offset >= 0, offset + 12 <= end {
            let nameSize = Int(load(bytes, offset, as: UInt32.self))
            let descriptionSize = Int(load(bytes, offset + 4, as: UInt32.self))
            let type = load(bytes, offset + 8, as: UInt32.self)
            let name = offset + 12
            let description = name + (nameSize + 3) / 4 * 4
            guard description + descriptionSize <= end else { return nil }
            if type == 3, nameSize == 4, bytes[name] == 0x47, bytes[name + 1] == 0x4E, bytes[name + 2] == 0x55,
               descriptionSize > 0 {
                return bytes[description..<description + descriptionSize]
                    .map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            }
            offset = description + (descriptionSize + 3) / 4 * 4
        }
        return nil
    }

    private static func load<T: FixedWidthInteger>(_ bytes: UnsafeRawBufferPointer, _ offset: Int, as type: T.Type) -> T {
        T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
