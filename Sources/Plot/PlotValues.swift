import Autograd

/// A number a figure can plot: `Float`, `Double`, `Int`.
public protocol PlotScalar {
    /// The value as a `Double`, the one type a figure computes with.
    var plotValue: Double { get }
    /// Whether a `Double` made from this type's values should be written back in this type's
    /// shortest form (`0.1` for a `Float` 0.1, not `0.10000000149011612`).
    static var writesAsFloat: Bool { get }
}

extension Float: PlotScalar {
    public var plotValue: Double { Double(self) }
    public static var writesAsFloat: Bool { true }
}

extension Double: PlotScalar {
    public var plotValue: Double { self }
    public static var writesAsFloat: Bool { false }
}

extension Int: PlotScalar {
    public var plotValue: Double { Double(self) }
    public static var writesAsFloat: Bool { false }
}

/// One axis of data for a series: `[Float]`, `[Double]`, `[Int]`, or a 1-D `Tensor`.
public protocol PlotValues {
    /// The values as `Double`s; `series` names the series in the error of a value that cannot be
    /// plotted (a tensor that is not 1-D).
    func plotValues(series: String) -> PlottedValues
}

/// Values ready to plot, remembering whether they came from `Float`s (see `PlotScalar.writesAsFloat`).
public struct PlottedValues: Sendable {
    public var values: [Double]
    public var fromFloat: Bool

    public init(values: [Double], fromFloat: Bool) {
        self.values = values
        self.fromFloat = fromFloat
    }
}

extension Array: PlotValues where Element: PlotScalar {
    public func plotValues(series: String) -> PlottedValues {
        PlottedValues(values: map(\.plotValue), fromFloat: Element.writesAsFloat)
    }
}

extension Tensor: PlotValues {
    public func plotValues(series: String) -> PlottedValues {
        // fatalError, not precondition: its message is printed in optimised builds too.
        if shape.count != 1 { fatalError("series \"\(series)\": a tensor to plot must be 1-D, but its shape is \(shape); "
                     + "reshape it to one dimension first") }
        return PlottedValues(values: scalars.map(Double.init), fromFloat: true)
    }
}
