/// Random chapters for the splice property test: cells in containers (tight and loose lists,
/// block quotes written `>`, `> `, `>\t` or indented, nested), fences of backticks or tildes of
/// several lengths, line endings LF, CRLF, CR or mixed, with or without a final line break, and
/// outputs holding control characters, fences, tabs and blank lines.
///
/// Deterministic for a seed (SplitMix64), so a failure names the seed and case that reproduce it.
struct ChapterGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// A container a block sits in.
    private enum Container {
        /// `marker` on the item's first line (`- `, `1.  `), spaces of its width after.
        case listItem(marker: String)
        /// What each line of the quote starts with (`>`, `> `, `>\t`, `  > `).
        case quote(marker: String)
    }

    /// The lines of one generated chapter (without line endings) and whether it has cells.
    mutating func lines(withCells: Bool) -> [String] {
        var lines: [String] = []
        for blockIndex in 0..<int(1...4) {
            if blockIndex > 0 { lines.append("") }
            switch int(0...3) {
            case 0: lines.append(pick(["# A heading", "Some prose with `code` and *emphasis*.", "A paragraph\nof two lines.", "<!-- a comment -->"]))
            case 1: lines += list(withCells: withCells, depth: 0)
            case 2: lines += quoted(withCells ? cell() : ["Quoted prose."], marker: quoteMarker())
            default: lines += withCells ? cell() : ["    indented code, never a cell"]
            }
        }
        return lines.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    private mutating func quoteMarker() -> String { pick([">", "> ", ">\t", "  > ", ">  "]) }

    /// A fenced `swift` cell, with an info string that may carry options.
    private mutating func cell() -> [String] {
        let character = pick(["`", "~"])
        let opening = String(repeating: character, count: int(3...5))
        let closing = opening + String(repeating: character, count: int(0...1))
        let info = pick(["swift", "swift hidden", "swift unchecked", "swift rtol=1e-3"])
        let code = pick([["print(1)"], ["let x = 2", "", "print(x)"], ["\tprint(\"tab\")"], ["  print(\"indented\")"]])
        return [opening + info] + code + [closing]
    }

    /// A list of 2-3 items, tight or loose, one of which may hold a cell (or a nested container).
    private mutating func list(withCells: Bool, depth: Int) -> [String] {
        let ordered = chance(40)
        let tight = chance(60)
        let count = int(2...3)
        let special = int(0...(count - 1))
        var lines: [String] = []
        for item in 0..<count {
            if item > 0 && !tight { lines.append("") }
            let marker = (ordered ? "\(item + 1)\(pick([".", ")"]))" : pick(["-", "*", "+"])) + String(repeating: " ", count: int(1...3))
            var body: [String] = ["item \(item)"]
            if item == special {
                switch int(0...2) {
                case 0: body = withCells ? cell() : ["plain item"]
                case 1: body = ["item with a cell:"] + (tight ? [] : [""]) + (withCells ? cell() : ["more text"])
                default:
                    body = depth < 2 && chance(50) ? list(withCells: withCells, depth: depth + 1)
                        : quoted(withCells ? cell() : ["quote in a list"], marker: quoteMarker())
                }
            }
            lines += contained(body, in: .listItem(marker: marker))
        }
        return lines
    }

    private mutating func quoted(_ body: [String], marker: String) -> [String] {
        if chance(30) { return contained(quoted(body, marker: quoteMarker()), in: .quote(marker: marker)) }
        return contained(body, in: .quote(marker: marker))
    }

    private func contained(_ body: [String], in container: Container) -> [String] {
        body.enumerated().map { index, line in
            switch container {
            case .listItem(let marker):
                if index == 0 { return marker + line }
                return line.isEmpty ? "" : String(repeating: " ", count: marker.count) + line
            case .quote(let marker):
                return line.isEmpty ? String(marker.prefix(while: { $0 != "\t" })).trimmingTrailingSpaces : marker + line
            }
        }
    }

    /// Joins lines with line endings of one kind or mixed, with or without a final one.
    mutating func text(_ lines: [String]) -> [UInt8] {
        let style = int(0...3)
        var text = ""
        for (index, line) in lines.enumerated() {
            text += line
            if index < lines.count - 1 || chance(80) {
                switch style {
                case 0: text += "\n"
                case 1: text += "\r\n"
                case 2: text += "\r"
                default: text += pick(["\n", "\r\n", "\r"])
                }
            }
        }
        return Array(text.utf8)
    }

    /// Something a cell might print.
    mutating func output() -> String {
        let pieces = ["tensor([[1., 2.],", "        [3., 4.]])", "", "  indented", "\tafter a tab", "```", "~~~~",
                      "````output", "a\rb", "nul\u{0}here", "\u{1B}[31mred\u{1B}[0m", "bell\u{7}", " ", "\t",
                      "\\u{41} is not A", "trailing  ", "> quoted", "- item", "<div>", "&amp;", "# heading", "crlf\r",
                      "del\u{7F} c1\u{9B}", "ünïcödé ✓", "    four spaces", "1. one"]
        var lines: [String] = []
        for _ in 0..<int(0...5) { lines.append(pick(pieces)) }
        if chance(10) { return "" }
        return lines.joined(separator: "\n") + (chance(85) ? "\n" : "")
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
