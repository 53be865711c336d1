/// One thing drawn in a figure: a line, a set of points, or a histogram, with its legend label.
public struct Series: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case line, scatter, histogram
    }

    public var kind: Kind
    public var label: String
    /// Line and scatter: the points' coordinates. Histogram: the bin edges (`bins + 1` values).
    public var x: [Double]
    /// Line and scatter: the points' coordinates. Histogram: the count in each bin.
    public var y: [Double]
    /// Whether the x and the y values came from `Float`s, so they are written in `Float`'s
    /// shortest form (`0.1`, not `0.10000000149011612`).
    public var xFromFloat: Bool
    public var yFromFloat: Bool

    /// A line or scatter series; stops with a message naming the series when the data cannot be
    /// drawn (no points, lengths that differ, NaN or infinity).
    init(kind: Kind, label: String, x: PlottedValues, y: PlottedValues) {
        if let problem = Series.problem(kind, label, x: x.values, y: y.values) { fatalError(problem) }
        self.kind = kind
        self.label = label
        self.x = x.values
        self.y = y.values
        self.xFromFloat = x.fromFloat
        self.yFromFloat = y.fromFloat
    }

    /// A histogram of `values` in `bins` equal bins from the smallest value to the largest.
    ///
    /// Bin `i` covers `[lo + i w, lo + (i + 1) w)` with `w = (hi - lo) / bins`; the last bin also
    /// holds `hi`. When all values are equal, the one range is `[v - 0.5, v + 0.5]`.
    init(histogramOf values: PlottedValues, bins: Int, label: String) {
        if let problem = Series.histogramProblem(label, values: values.values, bins: bins) { fatalError(problem) }
        var low = values.values.min()!, high = values.values.max()!
        if low == high { low -= 0.5; high += 0.5 }
        let width = (high - low) / Double(bins)
        var counts = [Double](repeating: 0, count: bins)
        for value in values.values {
            let bin = min(Int((value - low) / width), bins - 1)
            counts[bin] += 1
        }
        self.kind = .histogram
        self.label = label
        self.x = (0...bins).map { $0 == bins ? high : low + Double($0) * width }
        self.y = counts
        self.xFromFloat = values.fromFloat
        self.yFromFloat = false
    }

    /// `line "loss"`: how messages and the figure's description name a series.
    static func name(_ kind: Kind, _ label: String) -> String { "\(kind.rawValue) \"\(label)\"" }

    var name: String { Series.name(kind, label) }

    /// Why a line or scatter series cannot be drawn (empty, lengths that differ, a value that is
    /// NaN or infinite), naming the series; nil when it can.
    static func problem(_ kind: Kind, _ label: String, x: [Double], y: [Double]) -> String? {
        let name = Series.name(kind, label)
        if x.isEmpty && y.isEmpty { return "\(name) is empty: it needs at least one point" }
        if x.count != y.count { return "\(name) has \(x.count) x values but \(y.count) y values; they must pair up" }
        return nonFinite(x, "x value", name) ?? nonFinite(y, "y value", name)
    }

    /// Why a histogram cannot be drawn, naming the series; nil when it can.
    static func histogramProblem(_ label: String, values: [Double], bins: Int) -> String? {
        let name = Series.name(.histogram, label)
        if bins < 1 { return "\(name): bins must be at least 1, not \(bins)" }
        if values.isEmpty { return "\(name) is empty: it needs at least one value" }
        return nonFinite(values, "value", name)
    }

    private static func nonFinite(_ values: [Double], _ what: String, _ name: String) -> String? {
        guard let index = values.firstIndex(where: { !$0.isFinite }) else { return nil }
        return "\(name) has a non-finite \(what) at index \(index) (\(values[index])); a figure can only draw finite numbers"
    }
}
