/// The offset of the first byte that is not part of well-formed UTF-8, or nil if all are.
///
/// Well-formed as Unicode defines it: no overlong forms, no surrogates (U+D800...U+DFFF), nothing
/// above U+10FFFF, no truncated sequences.
func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
        let lead = bytes[index]
        if lead < 0x80 { index += 1; continue }
        // The allowed range of the second byte depends on the lead byte (Unicode Table 3-7).
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return index
        }
        for position in 1..<length {
            let next = index + position
            guard next < bytes.count else { return index }
            let range = position == 1 ? secondRange : 0x80...0xBF
            guard range.contains(bytes[next]) else { return index }
        }
        index += length
    }
    return nil
}
