/// Numbers written the same way on every machine: no locale, no C library formatting.
enum NumberText {
    /// `value` with exactly `digits` decimals (`fixed(2.5, digits: 2)` is `2.50`), rounded half
    /// away from zero; `-0` is written `0`. Swift's own integer arithmetic does the work, so the
    /// text is the same everywhere.
    static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return value.description }
        let whole = Int64(scaled)
        if whole == 0 { return digits == 0 ? "0" : "0." + String(repeating: "0", count: digits) }
        var text = String(whole)
        if digits > 0 {
            if text.count <= digits { text = String(repeating: "0", count: digits - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        }
        return (value < 0 ? "-" : "") + text
    }

    /// A coordinate in the SVG: two decimals, trailing zeros dropped (`12.5`, `3`).
    static func coordinate(_ value: Double) -> String {
        var text = fixed(value, digits: 2)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A data value: the shortest text that reads back as the same number (Swift's own
    /// algorithm), in `Float`'s precision when the data came from `Float`s.
    static func data(_ value: Double, fromFloat: Bool) -> String {
        if fromFloat, let single = Float(exactly: value) { return single.description }
        return value.description
    }
}
