import Foundation

/// The digest of what an ELF file puts in memory: every section the loader maps (`SHF_ALLOC`:
/// code, read-only data, Swift metadata, initialised data, and the size of `.bss`), each with its
/// name, type, flags, address and size.
///
/// Two clean builds of the same sources at the same path give the same digest, though not the
/// same file: debug information (not mapped) refers to clang module caches built at different
/// times, and two mapped sections are hashes *about* the build rather than part of what runs,
/// `.note.gnu.build-id` (the linker's hash of all the bytes, debug information included) and
/// `.swift_modhash` (per-module hashes the Swift compiler records), so both are left out. Any
/// change to the code or its constants (`#file` strings included) changes the digest. That makes
/// it the engine's identity in the cache key (`ToolIdentity`): a fresh clone that rebuilds the
/// engine finds the results its previous build stored.
enum ELFContent {
    /// Mapped sections that describe the build rather than the program.
    static let buildHashes: Set<String> = [".note.gnu.build-id", ".swift_modhash"]

    /// The SHA-256 of the mapped sections as hex digits, or nil when `data` is not a well-formed
    /// 64-bit little-endian ELF file.
    static func digest(_ data: Data) -> String? {
        guard let sections = sections(data) else { return nil }
        var hash = SHA256()
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            for section in sections where section.isMapped && !buildHashes.contains(section.name) {
                hash.update(field: section.name)
                hash.update(field: "\(section.type) \(section.flags) \(section.address) \(section.size)")
                if section.hasBytes { hash.update(buffer: UnsafeRawBufferPointer(rebasing: bytes[section.range])) }
            }
        }
        return hash.hexDigest()
    }

    /// One entry of the section header table, with its name.
    struct Section {
        var name: String
        var type: UInt32
        var flags: UInt64
        var address: UInt64
        /// Where the section's bytes are in the file (empty for `SHT_NOBITS`).
        var range: Range<Int>
        var size: UInt64

        /// `SHF_ALLOC`: the loader maps it.
        var isMapped: Bool { flags & 0x2 != 0 }
        /// Not `SHT_NOBITS` (`.bss` has a size and no bytes in the file).
        var hasBytes: Bool { type != 8 }
    }

    /// The section header table, or nil unless `data` is a 64-bit little-endian ELF file whose
    /// table and sections lie within it.
    static func sections(_ data: Data) -> [Section]? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> [Section]? in
            // e_ident: magic, class 2 (64-bit), data 1 (little-endian).
            guard bytes.count >= 64, bytes[0] == 0x7F, bytes[1] == 0x45, bytes[2] == 0x4C, bytes[3] == 0x46,
                  bytes[4] == 2, bytes[5] == 1 else { return nil }
            let table = Int(clamping: load(bytes, 0x28, as: UInt64.self))
            let entrySize = Int(load(bytes, 0x3A, as: UInt16.self))
            let count = Int(load(bytes, 0x3C, as: UInt16.self))
            let namesIndex = Int(load(bytes, 0x3E, as: UInt16.self))
            guard count > 0, entrySize >= 0x40, namesIndex < count,
                  table <= bytes.count, count * entrySize <= bytes.count - table else { return nil }
            var headers: [(nameOffset: Int, type: UInt32, flags: UInt64, address: UInt64, range: Range<Int>, size: UInt64)] = []
            for index in 0..<count {
                let header = table + index * entrySize
                let type = load(bytes, header + 0x04, as: UInt32.self)
                let offset = load(bytes, header + 0x18, as: UInt64.self)
                let size = load(bytes, header + 0x20, as: UInt64.self)
                var range = 0..<0
                if type != 8 {
                    guard offset <= UInt64(bytes.count), size <= UInt64(bytes.count) - offset else { return nil }
                    range = Int(offset)..<Int(offset + size)
                }
                headers.append((Int(load(bytes, header, as: UInt32.self)), type, load(bytes, header + 0x08, as: UInt64.self),
                                load(bytes, header + 0x10, as: UInt64.self), range, size))
            }
            let names = headers[namesIndex].range
            var sections: [Section] = []
            for header in headers {
                guard header.nameOffset < names.count else { return nil }
                let start = names.lowerBound + header.nameOffset
                let end = bytes[start..<names.upperBound].firstIndex(of: 0) ?? names.upperBound
                let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                sections.append(Section(name: name, type: header.type, flags: header.flags, address: header.address,
                                        range: header.range, size: header.size))
            }
            return sections
        }
    }

    private static func load<T: FixedWidthInteger>(_ bytes: UnsafeRawBufferPointer, _ offset: Int, as type: T.Type) -> T {
        T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
