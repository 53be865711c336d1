// A one-element tensor compares with a Float, so loops read naturally:
// `while x.abs().sum() > 1 { ... }`.

extension Tensor {
    /// The single value of a one-element tensor, for comparisons.
    func comparedValue(_ symbol: String) -> Float {
        require(count == 1, "\(symbol): only a one-element tensor compares with a number, got shape \(shape)")
        return storage[0]
    }

    /// Compares the single value of a one-element tensor with a number.
    public static func < (lhs: Tensor, rhs: Float) -> Bool { lhs.comparedValue("<") < rhs }
    /// Compares the single value of a one-element tensor with a number.
    public static func <= (lhs: Tensor, rhs: Float) -> Bool { lhs.comparedValue("<=") <= rhs }
    /// Compares the single value of a one-element tensor with a number.
    public static func > (lhs: Tensor, rhs: Float) -> Bool { lhs.comparedValue(">") > rhs }
    /// Compares the single value of a one-element tensor with a number.
    public static func >= (lhs: Tensor, rhs: Float) -> Bool { lhs.comparedValue(">=") >= rhs }
    /// Compares the single value of a one-element tensor with a number.
    public static func < (lhs: Float, rhs: Tensor) -> Bool { lhs < rhs.comparedValue("<") }
    /// Compares the single value of a one-element tensor with a number.
    public static func <= (lhs: Float, rhs: Tensor) -> Bool { lhs <= rhs.comparedValue("<=") }
    /// Compares the single value of a one-element tensor with a number.
    public static func > (lhs: Float, rhs: Tensor) -> Bool { lhs > rhs.comparedValue(">") }
    /// Compares the single value of a one-element tensor with a number.
    public static func >= (lhs: Float, rhs: Tensor) -> Bool { lhs >= rhs.comparedValue(">=") }
}
