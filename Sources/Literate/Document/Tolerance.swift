/// How far a recorded number may drift from a newly computed one and still count as the same.
///
/// Two numbers `recorded` and `actual` match when `|recorded - actual| <= absolute + relative * |actual|`
/// (the rule of `numpy.isclose` and `torch.allclose`, with the new value as the reference).
struct Tolerance: Hashable, Sendable {
    /// The part of the allowed difference that scales with the number's size (`rtol`).
    var relative: Double
    /// The part of the allowed difference that does not scale, for numbers near zero (`atol`).
    var absolute: Double

    init(relative: Double, absolute: Double) {
        self.relative = relative
        self.absolute = absolute
    }

    /// The default of every cell: relative 1e-4, absolute 1e-6.
    static let standard = Tolerance(relative: 1e-4, absolute: 1e-6)

    /// Whether `recorded` and `actual` are equal within this tolerance.
    ///
    /// NaN matches NaN and an infinity matches the same infinity: a printed `nan` that stays `nan`
    /// is not drift.
    func accepts(recorded: Double, actual: Double) -> Bool {
        if recorded.isNaN || actual.isNaN { return recorded.isNaN && actual.isNaN }
        if recorded.isInfinite || actual.isInfinite { return recorded == actual }
        return abs(recorded - actual) <= absolute + relative * abs(actual)
    }
}
