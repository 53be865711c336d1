/// A figure a cell can show: axes with a title and labels, and any number of line, scatter and
/// histogram series. A cell that ends with a figure shows it as a picture (swiftbook writes it as
/// an SVG file beside the chapter) after one line that describes it.
///
///     let figure = Figure(title: "Training loss", xLabel: "step", yLabel: "loss")
///     figure.line(x: steps, y: losses, label: "loss")
///     figure
///
/// Values may be `[Float]`, `[Double]`, `[Int]` or a 1-D `Tensor`. NaN or infinite values, an
/// empty series, or x and y of different lengths stop the cell with a message naming the series.
public final class Figure {
    public let title: String
    public let xLabel: String
    public let yLabel: String
    /// How values map to positions along each axis; `.log` needs positive values.
    public var xScale: AxisScale
    public var yScale: AxisScale
    /// The series, in the order they were added (and drawn, and listed in the legend).
    public private(set) var series: [Series] = []

    public init(title: String = "", xLabel: String = "", yLabel: String = "",
                xScale: AxisScale = .linear, yScale: AxisScale = .linear) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
    }

    /// Adds a line through the points `(x[i], y[i])`, in order.
    public func line(x: some PlotValues, y: some PlotValues, label: String) {
        series.append(Series(kind: .line, label: label, x: x.plotValues(series: label), y: y.plotValues(series: label)))
    }

    /// Adds a line through `(i, y[i])` for `i = 0, 1, ...`.
    public func line(y: some PlotValues, label: String) {
        let values = y.plotValues(series: label)
        line(x: Array(values.values.indices), y: values.values, label: label)
    }

    /// Adds the points `(x[i], y[i])` as dots.
    public func scatter(x: some PlotValues, y: some PlotValues, label: String) {
        series.append(Series(kind: .scatter, label: label, x: x.plotValues(series: label), y: y.plotValues(series: label)))
    }

    /// Adds a histogram of `values` in `bins` equal bins between their smallest and largest value.
    public func histogram(_ values: some PlotValues, bins: Int = 10, label: String) {
        series.append(Series(histogramOf: values.plotValues(series: label), bins: bins, label: label))
    }
}

/// How an axis maps values to positions.
public enum AxisScale: String, Sendable {
    /// Equal steps of value are equal distances.
    case linear
    /// Equal ratios of value are equal distances (ticks at powers of ten); values must be positive.
    case log
}

extension Figure: CustomStringConvertible {
    /// One line that names the figure and its series, which is what the cell's output block
    /// records (`Figure "Training loss": line "loss" (5 points)`).
    public var description: String {
        let parts = series.map { series -> String in
            switch series.kind {
            case .histogram:
                let total = Int(series.y.reduce(0, +))
                return "\(series.name) (\(total) value\(total == 1 ? "" : "s"), \(series.y.count) bin\(series.y.count == 1 ? "" : "s"))"
            case .line, .scatter:
                return "\(series.name) (\(series.x.count) point\(series.x.count == 1 ? "" : "s"))"
            }
        }
        return "Figure \"\(title)\": " + (parts.isEmpty ? "no series" : parts.joined(separator: ", "))
    }
}
