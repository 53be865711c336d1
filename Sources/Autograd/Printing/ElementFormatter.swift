import Foundation

/// How every element of one printed tensor is written: PyTorch's `_Formatter`
/// (torch/_tensor_str.py) for float tensors with the default print options
/// (precision 4).
///
/// The style is chosen once from the nonzero finite values, so all elements
/// line up:
/// - *integer mode* when every such value is integral: `2.`, `-3.`;
/// - *scientific mode* when the largest magnitude is over 1000 times the
///   smallest, over 1e8, or the smallest is under 1e-4: `1.2346e+05`;
/// - otherwise *fixed* with four decimals: `0.1235`.
///
/// Every element is right-aligned to the widest one. As in Python, a Float is
/// formatted through its exact Double value, so rounding matches PyTorch's.
struct ElementFormatter {
    private(set) var integerMode = true
    private(set) var scientificMode = false
    /// The width every element is padded to.
    private(set) var width = 1

    static let precision = 4

    /// A formatter fitted to `values` (for a large tensor, only the elements that will be shown).
    init<Values: Sequence>(fitting values: Values) where Values.Element == Float {
        let shown = values.filter { $0.isFinite && $0 != 0 }
        guard !shown.isEmpty else { return }
        var smallest = Float.infinity, largest: Float = 0
        for value in shown {
            smallest = Swift.min(smallest, Swift.abs(value))
            largest = Swift.max(largest, Swift.abs(value))
            if value != value.rounded(.up) { integerMode = false }
        }
        // PyTorch compares these in double precision.
        let (low, high) = (Double(smallest), Double(largest))
        scientificMode = high / low > 1000 || high > 1e8 || low < 1e-4
        for value in shown {
            let text = integerMode && !scientificMode ? Self.integral(value) + "." : plain(value)
            width = Swift.max(width, text.count)
        }
    }

    /// `value` in this formatter's style, padded on the left to `width`.
    func format(_ value: Float) -> String {
        var text: String
        if integerMode && !scientificMode {
            text = Self.integral(value)
            if value.isFinite { text += "." }
        } else {
            text = plain(value)
        }
        return text.count < width ? String(repeating: " ", count: width - text.count) + text : text
    }

    /// The value in fixed or scientific notation, without padding.
    private func plain(_ value: Float) -> String {
        guard value.isFinite else { return Self.nonFinite(value) }
        return String(format: scientificMode ? "%.\(Self.precision)e" : "%.\(Self.precision)f", Double(value))
    }

    /// Python's `f"{value:.0f}"`.
    private static func integral(_ value: Float) -> String {
        value.isFinite ? String(format: "%.0f", Double(value)) : nonFinite(value)
    }

    /// Python's spelling: `nan` (never `-nan`), `inf`, `-inf`.
    private static func nonFinite(_ value: Float) -> String {
        value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
    }
}
