import Foundation

/// How every element of one printed tensor is written: PyTorch's `_Formatter`
/// (torch/_tensor_str.py) for float tensors with the default print options
/// (precision 4, `sci_mode=None`).
///
/// The style is chosen once from the nonzero finite values, so all elements
/// line up:
/// - *integer mode* when every such value is integral: `2.`, `-3.`;
/// - *scientific mode* when the largest magnitude is over 1000 times the
///   smallest, over 1e8, or the smallest is under 1e-4: `1.2346e+05`
///   (integral values too: integer mode then only matters for the width);
/// - otherwise *fixed* with four decimals: `0.1235`.
///
/// Every element is right-aligned to the widest nonzero finite one; `nan`, `inf`,
/// `0.` and `-0.` do not widen the column. As in Python, a Float is formatted through
/// its exact Double value (`'{:.4f}'.format(float(x))`), and C's `%.4f`/`%.4e`/`%.0f`
/// round that exact value the same way Python does (ties to even).
struct ElementFormatter {
    private(set) var integerMode = true
    private(set) var scientificMode = false
    /// The width every element is padded to (`max_width`, at least 1).
    private(set) var width = 1

    /// A formatter fitted to `values` (for a summarised tensor, only the elements shown).
    init<Values: Sequence>(fitting values: Values) where Values.Element == Float {
        // `nonzero_finite_vals`: zeros, nan and inf say nothing about the style.
        let shown = values.filter { $0.isFinite && $0 != 0 }
        guard !shown.isEmpty else { return }
        var smallest = Float.infinity, largest: Float = 0
        for value in shown {
            smallest = Swift.min(smallest, Swift.abs(value))
            largest = Swift.max(largest, Swift.abs(value))
            // `value != torch.ceil(value)`, compared in float32.
            if value != value.rounded(.up) { integerMode = false }
        }
        // PyTorch converts the minimum and maximum to double before comparing.
        let (low, high) = (Double(smallest), Double(largest))
        scientificMode = high / low > 1000 || high > 1e8 || low < 1e-4
        for value in shown {
            // In integer (non-scientific) mode the width counts the trailing point.
            let text = integerMode && !scientificMode ? Self.integral(value) + "." : plain(value)
            width = Swift.max(width, text.count)
        }
    }

    /// `value` in this formatter's style, padded on the left to `width` (`_Formatter.format`).
    func format(_ value: Float) -> String {
        var text: String
        if integerMode && !scientificMode {
            text = Self.integral(value)
            // The point marks a float tensor; PyTorch leaves it off nan and inf.
            if value.isFinite { text += "." }
        } else {
            text = plain(value)
        }
        return text.count < width ? String(repeating: " ", count: width - text.count) + text : text
    }

    /// The value in fixed or scientific notation, without padding.
    private func plain(_ value: Float) -> String {
        guard value.isFinite else { return Self.nonFinite(value) }
        let precision = PrintOptions.precision
        return String(format: scientificMode ? "%.\(precision)e" : "%.\(precision)f", Double(value))
    }

    /// Python's `f"{value:.0f}"` (`-0` for -0.0, as Python writes it).
    private static func integral(_ value: Float) -> String {
        value.isFinite ? String(format: "%.0f", Double(value)) : nonFinite(value)
    }

    /// Python's spelling: `nan` (never `-nan`, whatever the sign bit), `inf`, `-inf`.
    private static func nonFinite(_ value: Float) -> String {
        value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
    }
}
