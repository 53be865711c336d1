import Foundation

/// Drawing a figure as SVG.
///
/// The same figure gives the same bytes on every machine: sizes are fixed, coordinates are
/// written with two decimals by `NumberText`, colours come from a fixed palette in series order,
/// and nothing depends on the time, a random id or the locale. A white background keeps the
/// figure legible on a dark page and in print.
///
/// The data travels with the picture: the root element carries the title, labels and scales as
/// `data-` attributes, and each series is a `<g class="series">` whose `data-kind`, `data-label`,
/// `data-x` and `data-y` (space-separated numbers; for a histogram the bin edges and counts) give
/// back exactly what was plotted. `swiftbook check` compares figures by this data.
extension Figure {
    /// Canvas size in pixels.
    static let width = 640.0, height = 400.0
    /// The plot area: left, right, top, bottom edges.
    static let plotArea = (left: 72.0, right: 620.0, top: 44.0, bottom: 340.0)
    /// Tableau 10, the series colours in order.
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                          "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    /// The figure as an SVG document.
    public var svg: String {
        let area = Figure.plotArea
        let xTicks = ticks(axis: \.x, scale: xScale, includeZero: false)
        let yTicks = ticks(axis: \.y, scale: yScale, includeZero: series.contains { $0.kind == .histogram })
        let px = { (v: Double) in area.left + Figure.fraction(v, xTicks, self.xScale) * (area.right - area.left) }
        let py = { (v: Double) in area.bottom - Figure.fraction(v, yTicks, self.yScale) * (area.bottom - area.top) }
        let c = NumberText.coordinate
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(c(Figure.width))\" height=\"\(c(Figure.height))\" "
        out += "viewBox=\"0 0 \(c(Figure.width)) \(c(Figure.height))\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" "
        out += "font-size=\"12\" role=\"img\" data-title=\"\(Figure.escape(title))\" data-x-label=\"\(Figure.escape(xLabel))\" "
        out += "data-y-label=\"\(Figure.escape(yLabel))\" data-x-scale=\"\(xScale.rawValue)\" data-y-scale=\"\(yScale.rawValue)\">\n"
        out += "<title>\(Figure.escape(title))</title>\n"
        out += "<rect width=\"\(c(Figure.width))\" height=\"\(c(Figure.height))\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"\(c((area.left + area.right) / 2))\" y=\"26\" text-anchor=\"middle\" font-size=\"15\" "
        out += "font-weight=\"bold\" fill=\"#111111\">\(Figure.escape(title))</text>\n"
        // Grid lines and tick labels.
        out += "<g class=\"grid\" stroke=\"#e0e0e0\" stroke-width=\"1\">\n"
        for value in xTicks.values { out += "<line x1=\"\(c(px(value)))\" y1=\"\(c(area.top))\" x2=\"\(c(px(value)))\" y2=\"\(c(area.bottom))\"/>\n" }
        for value in yTicks.values { out += "<line x1=\"\(c(area.left))\" y1=\"\(c(py(value)))\" x2=\"\(c(area.right))\" y2=\"\(c(py(value)))\"/>\n" }
        out += "</g>\n<g class=\"x-ticks\" fill=\"#333333\" text-anchor=\"middle\">\n"
        for (value, label) in zip(xTicks.values, xTicks.labels) { out += "<text x=\"\(c(px(value)))\" y=\"\(c(area.bottom + 18))\">\(label)</text>\n" }
        out += "</g>\n<g class=\"y-ticks\" fill=\"#333333\" text-anchor=\"end\">\n"
        for (value, label) in zip(yTicks.values, yTicks.labels) { out += "<text x=\"\(c(area.left - 8))\" y=\"\(c(py(value) + 4))\">\(label)</text>\n" }
        out += "</g>\n"
        out += "<text x=\"\(c((area.left + area.right) / 2))\" y=\"\(c(Figure.height - 16))\" text-anchor=\"middle\" fill=\"#111111\">\(Figure.escape(xLabel))</text>\n"
        let yMiddle = c((area.top + area.bottom) / 2)
        out += "<text x=\"18\" y=\"\(yMiddle)\" text-anchor=\"middle\" fill=\"#111111\" transform=\"rotate(-90 18 \(yMiddle))\">\(Figure.escape(yLabel))</text>\n"
        for (index, series) in series.enumerated() {
            out += seriesElement(series, color: Figure.palette[index % Figure.palette.count], px: px, py: py, yLow: yTicks.low)
        }
        out += "<rect x=\"\(c(area.left))\" y=\"\(c(area.top))\" width=\"\(c(area.right - area.left))\" "
        out += "height=\"\(c(area.bottom - area.top))\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
        out += legend()
        return out + "</svg>\n"
    }

    /// A series' group: its data attributes and its marks.
    private func seriesElement(_ series: Series, color: String, px: (Double) -> Double, py: (Double) -> Double,
                               yLow: Double) -> String {
        let c = NumberText.coordinate
        let write = { (values: [Double], float: Bool) in values.map { NumberText.data($0, fromFloat: float) }.joined(separator: " ") }
        var out = "<g class=\"series\" data-kind=\"\(series.kind.rawValue)\" data-label=\"\(Figure.escape(series.label))\" "
        out += "data-x=\"\(write(series.x, series.xFromFloat))\" data-y=\"\(series.kind == .histogram ? series.y.map { String(Int($0)) }.joined(separator: " ") : write(series.y, series.yFromFloat))\">\n"
        switch series.kind {
        case .line:
            let points = zip(series.x, series.y).map { "\(c(px($0))),\(c(py($1)))" }.joined(separator: " ")
            out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>\n"
        case .scatter:
            for (x, y) in zip(series.x, series.y) {
                out += "<circle cx=\"\(c(px(x)))\" cy=\"\(c(py(y)))\" r=\"3\" fill=\"\(color)\"/>\n"
            }
        case .histogram:
            for (bin, count) in series.y.enumerated() where count > 0 {
                let left = px(series.x[bin]), right = px(series.x[bin + 1])
                let top = py(count), bottom = py(yLow)
                out += "<rect x=\"\(c(left))\" y=\"\(c(top))\" width=\"\(c(right - left))\" height=\"\(c(bottom - top))\" "
                out += "fill=\"\(color)\" fill-opacity=\"0.45\" stroke=\"\(color)\" stroke-width=\"1\"/>\n"
            }
        }
        return out + "</g>\n"
    }

    /// The legend, top right inside the plot area: one row per series.
    private func legend() -> String {
        guard !series.isEmpty else { return "" }
        let c = NumberText.coordinate
        let widest = series.map { Double($0.label.count) }.max() ?? 0
        let width = 40 + widest * 7.2, height = 8 + Double(series.count) * 18
        let left = Figure.plotArea.right - 8 - width, top = Figure.plotArea.top + 8
        var out = "<g class=\"legend\">\n<rect x=\"\(c(left))\" y=\"\(c(top))\" width=\"\(c(width))\" height=\"\(c(height))\" "
        out += "fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"#bbbbbb\"/>\n"
        for (index, series) in series.enumerated() {
            let color = Figure.palette[index % Figure.palette.count]
            let y = top + 13 + Double(index) * 18
            switch series.kind {
            case .line:
                out += "<line x1=\"\(c(left + 8))\" y1=\"\(c(y))\" x2=\"\(c(left + 28))\" y2=\"\(c(y))\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
            case .scatter:
                out += "<circle cx=\"\(c(left + 18))\" cy=\"\(c(y))\" r=\"3\" fill=\"\(color)\"/>\n"
            case .histogram:
                out += "<rect x=\"\(c(left + 10))\" y=\"\(c(y - 5))\" width=\"16\" height=\"10\" fill=\"\(color)\" fill-opacity=\"0.45\" stroke=\"\(color)\"/>\n"
            }
            out += "<text x=\"\(c(left + 34))\" y=\"\(c(y + 4))\" fill=\"#111111\">\(Figure.escape(series.label))</text>\n"
        }
        return out + "</g>\n"
    }

    /// The ticks of one axis over all series (a histogram's bars start at zero on a linear axis).
    private func ticks(axis: KeyPath<Series, [Double]>, scale: AxisScale, includeZero: Bool) -> Ticks {
        let values = series.flatMap { $0[keyPath: axis] }
        switch scale {
        case .linear:
            guard let low = values.min(), let high = values.max() else { return .linear(minimum: 0, maximum: 1) }
            return .linear(minimum: includeZero ? min(low, 0) : low, maximum: includeZero ? max(high, 0) : high)
        case .log:
            if let problem = logAxisProblem(axis: axis) { fatalError(problem) }
            let positive = values.filter { $0 > 0 }
            guard let low = positive.min(), let high = positive.max() else { return .log(minimum: 1, maximum: 10) }
            return .log(minimum: low, maximum: high)
        }
    }

    /// Why an axis cannot be drawn on a log scale (a series has a value that is not positive;
    /// a histogram's counts may be 0: empty bins are simply not drawn), naming the series.
    func logAxisProblem(axis: KeyPath<Series, [Double]>) -> String? {
        for series in series where series.kind != .histogram || axis == \Series.x {
            if let bad = series[keyPath: axis].first(where: { $0 <= 0 }) {
                return "\(series.name) has the value \(bad), which a log axis cannot show; log axes need positive values"
            }
        }
        return nil
    }

    /// Where `value` lies between the axis ends, from 0 to 1.
    private static func fraction(_ value: Double, _ ticks: Ticks, _ scale: AxisScale) -> Double {
        switch scale {
        case .linear: return (value - ticks.low) / (ticks.high - ticks.low)
        case .log: return (log10(max(value, ticks.low)) - log10(ticks.low)) / (log10(ticks.high) - log10(ticks.low))
        }
    }

    /// Text for SVG: XML's special characters escaped, control characters (which XML forbids)
    /// replaced by U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case _ where scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
