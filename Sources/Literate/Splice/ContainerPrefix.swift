/// What every line of an output block starts with, so that cmark reads the block inside the same
/// containers (list items, block quotes) as its cell, with its text exactly as written.
///
/// The rule, from how cmark continues containers on a line: a block quote takes up to three
/// spaces, `>`, and then one optional column of space or tab (part of a tab if need be); a list
/// item takes as many columns of indentation as its content is indented; a fenced block takes
/// away as many columns of indentation as its opening fence had inside its container. Columns
/// count a tab as reaching the next multiple of 4.
///
/// The cell's opening fence line says how its containers are continued. Its bytes before the
/// fence become the prefix with three changes, none of which moves anything in cmark's view:
/// - each tab becomes the spaces of the columns it covered (on the cell's line), so no tab is
///   ever split between a container and the text;
/// - list markers (`-`, `+`, `*`, `1.`, `2)`) become spaces: later lines are indented, not new items;
/// - a `>` not followed by a space or tab gets one: it is the optional column the block quote
///   takes, so the text's own first space is never taken as it (`>```swift` then `>        [3.`
///   would read one space short).
///
/// The prefix is then only `>` and spaces; the output block's opening fence, content lines and
/// closing fence all carry it, so cmark takes exactly the prefix from each line and the rest is
/// the text, byte for byte.
enum ContainerPrefix {
    /// The prefix for lines inside the containers of a fence whose line starts with `raw` (the
    /// bytes before the fence character, from the start of the line).
    static func canonical<Bytes: Collection>(_ raw: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        let bytes = Array(raw)
        var result: [UInt8] = []
        var column = 0
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "\t"):
                let width = 4 - column % 4
                result += [UInt8](repeating: UInt8(ascii: " "), count: width)
                column += width
            case UInt8(ascii: ">"):
                result.append(byte)
                column += 1
                let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                if next != UInt8(ascii: " ") && next != UInt8(ascii: "\t") { result.append(UInt8(ascii: " ")) }
            default:
                result.append(UInt8(ascii: " "))
                column += 1
            }
        }
        return result
    }

    /// A blank line inside the same containers: the prefix without its trailing spaces, so a
    /// block quote's blank line is just `>`.
    static func blankLine(_ prefix: [UInt8]) -> [UInt8] {
        var trimmed = prefix
        while trimmed.last == UInt8(ascii: " ") { trimmed.removeLast() }
        return trimmed
    }
}
