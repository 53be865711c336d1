/// PyTorch's print options at their defaults (`torch.set_printoptions(profile="default")`,
/// the `__PrinterOptions` dataclass of torch/_tensor_str.py). swiftbook prints only with
/// these, so chapter outputs read exactly like a default PyTorch session.
enum PrintOptions {
    /// Digits after the decimal point (fixed) or after the leading digit (scientific).
    static let precision = 4
    /// Tensors with more elements than this are summarised with `...`.
    static let threshold = 1000
    /// Elements shown at each end of a summarised axis.
    static let edgeItems = 3
    /// Characters per line before a row of elements wraps.
    static let lineWidth = 80
}
