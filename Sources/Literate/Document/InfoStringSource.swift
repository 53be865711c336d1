import CCmark
import Foundation

/// Where each byte of an info string, as cmark hands it over (entities and backslash escapes
/// decoded: `swif&#116; bogus` is `swift bogus`), was written on the fence line, so an error
/// about a word points at the word the author typed.
struct InfoStringSource {
    /// For each byte of the decoded info string, the offset in `raw` where the text it came from starts.
    private let rawOffsets: [Int]

    /// - Parameters:
    ///   - raw: the bytes after the fence on the opening line, from the info string's first byte.
    ///   - decoded: the info string as cmark read it.
    init(raw: ArraySlice<UInt8>, decoded: String) {
        let raw = Array(raw)
        var offsets: [Int] = []
        var text: [UInt8] = []
        var index = 0
        while index < raw.count {
            let piece = Self.piece(in: raw, at: index)
            text += piece.decoded
            offsets += [Int](repeating: index, count: piece.decoded.count)
            index += piece.length
        }
        // Anything unforeseen (cmark reads the text otherwise): fall back to counting decoded bytes.
        rawOffsets = text.starts(with: Array(decoded.utf8)) ? offsets : Array(0..<decoded.utf8.count)
    }

    /// The offset in the raw text of decoded byte `offset` (past the end: the raw end).
    func rawOffset(of offset: Int) -> Int {
        offset < rawOffsets.count ? rawOffsets[offset] : (rawOffsets.last.map { $0 + 1 } ?? offset)
    }

    /// One unit of raw text at `index`: a backslash escape, an entity or numeric character
    /// reference, or a single byte; with the bytes it stands for.
    private static func piece(in raw: [UInt8], at index: Int) -> (decoded: [UInt8], length: Int) {
        let byte = raw[index]
        if byte == UInt8(ascii: "\\"), index + 1 < raw.count, isASCIIPunctuation(raw[index + 1]) {
            return ([raw[index + 1]], 2)
        }
        if byte == UInt8(ascii: "&"), let semicolon = raw[index...].prefix(40).firstIndex(of: UInt8(ascii: ";")),
           semicolon > index + 1, raw[(index + 1)..<semicolon].allSatisfy(isReferenceByte) {
            let reference = Array(raw[index...semicolon])
            let decoded = decodeReference(reference)
            if decoded != reference { return (decoded, reference.count) }
        }
        return ([byte], 1)
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    private static func isReferenceByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "#") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// What cmark makes of one `&...;` in an info string (itself when it is no reference).
    private static func decodeReference(_ reference: [UInt8]) -> [UInt8] {
        let document = Array("```x".utf8) + reference + Array("\n```\n".utf8)
        let root = document.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let root else { return reference }
        defer { cmark_node_free(root) }
        guard let block = cmark_node_first_child(root), let info = cmark_node_get_fence_info(block) else { return reference }
        return Array(String(cString: info).utf8.dropFirst())
    }
}
