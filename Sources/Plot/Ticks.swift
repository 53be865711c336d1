import Foundation

/// Where an axis puts its ticks, and the range it shows.
///
/// Linear axes use "nice numbers" (Heckbert, Graphics Gems, 1990): the tick step is 1, 2 or 5
/// times a power of ten, chosen so that about `target` ticks cover the data, and the axis runs
/// from the tick at or below the smallest value to the tick at or above the largest. Log axes put
/// ticks at the powers of ten from the one at or below the smallest value to the one at or above
/// the largest.
public struct Ticks: Sendable, Equatable {
    /// Where the axis starts and ends (data units).
    public var low: Double
    public var high: Double
    /// The tick values, ascending, from `low` to `high`.
    public var values: [Double]
    /// Their labels (`0.5`, `1e-3`), all with the same number of decimals on a linear axis.
    public var labels: [String]

    /// Ticks for data between `minimum` and `maximum` on a linear axis.
    public static func linear(minimum: Double, maximum: Double, target: Int = 6) -> Ticks {
        var minimum = minimum, maximum = maximum
        if minimum == maximum {
            let pad = minimum == 0 ? 1 : abs(minimum) * 0.1
            minimum -= pad; maximum += pad
        }
        let step = niceNumber((maximum - minimum) / Double(max(target - 1, 1)), round: true)
        // A hair of slack, so that 0.06 / 0.02 = 3.0000000000000004 still ends at the tick 0.06.
        let first = (minimum / step + 1e-9).rounded(.down), last = (maximum / step - 1e-9).rounded(.up)
        // Whole multiples of the step, so that 0.1 + 0.2 does not become 0.30000000000000004.
        let values = stride(from: first, through: last, by: 1).map { $0 * step }
        let digits = max(0, -Int((log10(step) + 1e-9).rounded(.down)))
        return Ticks(low: first * step, high: last * step, values: values,
                     labels: values.map { NumberText.fixed($0, digits: digits) })
    }

    /// Ticks for positive data between `minimum` and `maximum` on a log axis.
    public static func log(minimum: Double, maximum: Double) -> Ticks {
        let first = Int(log10(minimum).rounded(.down))
        var last = Int(log10(maximum).rounded(.up))
        if last == first { last += 1 }
        let powers = Array(first...last)
        let values = powers.map { pow(10, Double($0)) }
        let labels = powers.map { $0 >= 0 && $0 <= 4 ? String(Int(pow(10, Double($0)))) : ($0 < 0 && $0 >= -3 ? NumberText.fixed(pow(10, Double($0)), digits: -$0) : "1e\($0)") }
        return Ticks(low: values.first!, high: values.last!, values: values, labels: labels)
    }

    /// The nice number near `value`: 1, 2, 5 or 10 times a power of ten; rounded to the nearest
    /// when `round`, else the smallest nice number at or above it.
    static func niceNumber(_ value: Double, round: Bool) -> Double {
        let exponent = log10(value).rounded(.down)
        let power = pow(10, exponent)
        let fraction = value / power
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * power
    }
}
