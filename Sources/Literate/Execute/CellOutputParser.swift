/// Splits a chapter program's joined output stream into per-cell outputs at the markers the
/// program prints (see `ProgramPrelude`), as the bytes arrive.
///
/// A marker is only recognised with this run's nonce, which the cells never see in their source,
/// so a cell cannot end its own output early or pose as another cell. Each cell keeps at most
/// `limit` bytes (the rest is counted, not stored) plus the last few kilobytes, where a trap's
/// message is, so an endless `print` loop cannot exhaust memory before its time limit.
struct CellOutputParser {
    private let prefix: [UInt8]
    private let limit: Int
    private var pending: [UInt8] = []
    /// Cells whose marker was seen, in order.
    private(set) var started: [Cell.ID] = []
    private(set) var outputs: [Cell.ID: CapturedOutput] = [:]
    /// Whether the program printed its end marker (it did not crash or get stopped).
    private(set) var ended = false
    /// The addresses the program's trap handler reported (see `TrapReporter`), if it trapped.
    private(set) var trapAddresses: [UInt] = []

    init(nonce: String, limit: Int) {
        self.prefix = Array(CellMarker.prefix(nonce: nonce).utf8)
        self.limit = limit
    }

    mutating func consume(_ chunk: [UInt8]) {
        pending += chunk
        var start = 0
        var holdFrom: Int?
        while let found = pending[start...].firstIndex(of: CellMarker.separator) {
            let available = pending.count - found
            if available < prefix.count {
                if pending[found...].elementsEqual(prefix[0..<available]) { holdFrom = found; break }
                start = found + 1
                continue
            }
            guard pending[found..<(found + prefix.count)].elementsEqual(prefix) else {
                start = found + 1
                continue
            }
            let nameStart = found + prefix.count
            guard let close = pending[nameStart...].firstIndex(of: CellMarker.separator),
                  close + 1 < pending.count else { holdFrom = found; break }
            append(pending[0..<found])
            let name = String(decoding: pending[nameStart..<close], as: UTF8.self)
            let after = pending[close + 1] == UInt8(ascii: "\n") ? close + 2 : close + 1
            pending.removeFirst(after)
            start = 0
            if name == "end" {
                ended = true
            } else if name.hasPrefix("trap ") {
                trapAddresses = name.dropFirst(5).split(separator: " ").compactMap { UInt($0, radix: 16) }
            } else if let svg = FigureMarker.svg(inMarkerName: name) {
                if let current = started.last { outputs[current]?.figure = svg }
            } else if let cell = CellMarker.cell(inName: name) {
                started.append(cell)
                if outputs[cell] == nil { outputs[cell] = CapturedOutput(limit: limit) }
            }
        }
        // Keep only what might be the start of a marker still arriving.
        let keep = holdFrom.map { pending.count - $0 } ?? 0
        if pending.count > keep {
            append(pending[0..<(pending.count - keep)])
            pending.removeFirst(pending.count - keep)
        }
    }

    /// Hands over whatever is left once the program has ended.
    mutating func finish() {
        append(pending[...])
        pending.removeAll()
    }

    private mutating func append(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty, let current = started.last else { return }
        outputs[current]?.append(bytes)
    }
}

/// The output one cell produced, stored up to a limit.
struct CapturedOutput {
    let limit: Int
    private(set) var kept: [UInt8] = []
    private(set) var total = 0
    /// The last bytes written, whatever the limit: a trap's message is at the end.
    private(set) var tail: [UInt8] = []
    /// The SVG of the figure the cell showed, if it showed one (see `FigureMarker`).
    var figure: String?
    private static let tailSize = 4096

    init(limit: Int) { self.limit = limit }

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        total += bytes.count
        if kept.count < limit { kept += bytes.prefix(limit - kept.count) }
        tail += bytes.suffix(CapturedOutput.tailSize)
        if tail.count > CapturedOutput.tailSize { tail.removeFirst(tail.count - CapturedOutput.tailSize) }
    }

    var isTruncated: Bool { total > limit }

    /// The stored text, with a note line when the cell printed more than the limit.
    var text: String {
        guard isTruncated else { return String(decoding: kept, as: UTF8.self) }
        return keptText + truncationNote
    }

    /// The line that says the output was cut.
    var truncationNote: String {
        "[output truncated: the cell printed \(total) bytes; the limit is \(limit) (--max-output)]\n"
    }

    /// The stored bytes as text, cut at a character boundary and ended with a newline when cut.
    var keptText: String {
        guard isTruncated else { return String(decoding: kept, as: UTF8.self) }
        // Cut at a character boundary: drop a partial UTF-8 sequence at the end.
        var end = kept.count
        while end > 0 && kept[end - 1] & 0xC0 == 0x80 { end -= 1 }
        if end > 0 && kept[end - 1] >= 0xC0 { end -= 1 } else { end = kept.count }
        var text = String(decoding: kept[0..<end], as: UTF8.self)
        if !text.hasSuffix("\n") { text += "\n" }
        return text
    }

    /// All stored text, ignoring the limit note (used to find a trap message).
    var fullTailText: String { String(decoding: isTruncated ? tail : kept, as: UTF8.self) }
}
