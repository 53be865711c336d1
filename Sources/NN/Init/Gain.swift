/// The nonlinearities `calculateGain(_:param:)` knows, as PyTorch names them in
/// `torch.nn.init.calculate_gain` (`"linear"`, `"conv2d"`, `"leaky_relu"`, ...).
public enum Nonlinearity: Sendable, Equatable {
    /// No nonlinearity, or a convolution (`"linear"`, `"conv1d"`, ..., `"conv_transpose3d"`): gain 1.
    case linear, conv1d, conv2d, conv3d, convTranspose1d, convTranspose2d, convTranspose3d
    /// The logistic function (`"sigmoid"`): gain 1.
    case sigmoid
    /// The hyperbolic tangent (`"tanh"`): gain 5/3.
    case tanh
    /// The rectified linear unit (`"relu"`): gain √2.
    case relu
    /// The leaky ReLU (`"leaky_relu"`): gain √(2 / (1 + slope²)).
    case leakyReLU
    /// The scaled exponential linear unit (`"selu"`): gain 3/4.
    case selu
}

/// The recommended gain for a nonlinearity, PyTorch's `torch.nn.init.calculate_gain`: the
/// factor that keeps the variance of activations steady through layers followed by it.
///
/// | nonlinearity | gain |
/// | --- | --- |
/// | linear, convolutions, sigmoid | 1 |
/// | tanh | 5/3 |
/// | relu | √2 |
/// | leakyReLU | √(2 / (1 + slope²)), `param` the negative slope (default 0.01) |
/// | selu | 3/4 |
public func calculateGain(_ nonlinearity: Nonlinearity, param: Float? = nil) -> Float {
    switch nonlinearity {
    case .linear, .conv1d, .conv2d, .conv3d, .convTranspose1d, .convTranspose2d, .convTranspose3d, .sigmoid:
        return 1
    case .tanh:
        return 5.0 / 3
    case .relu:
        return Float(2).squareRoot()
    case .leakyReLU:
        let slope = param ?? 0.01
        return (2 / (1 + slope * slope)).squareRoot()
    case .selu:
        return 3.0 / 4
    }
}

/// Which fan Kaiming initialisation scales by (PyTorch's `mode="fan_in"` / `"fan_out"`): the
/// fan-in keeps the variance of the forward pass, the fan-out that of the backward pass.
public enum FanMode: Sendable, Equatable {
    /// Scale by the number of inputs (`"fan_in"`), PyTorch's default.
    case fanIn
    /// Scale by the number of outputs (`"fan_out"`).
    case fanOut
}

/// The fan-in and fan-out of a weight of `shape`, by PyTorch's rule
/// (`torch.nn.init._calculate_fan_in_and_fan_out`): for a linear weight (out, in) they are in
/// and out; for a convolution weight (out, in, k₁, k₂, ...) each is multiplied by the kernel's
/// size k₁·k₂·…. A shape with fewer than two axes has no fans.
public func fans(ofShape shape: [Int]) -> (fanIn: Int, fanOut: Int) {
    require(shape.count >= 2, "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions (shape \(shape)); use normal, uniform or constant for a bias")
    let receptiveField = shape.dropFirst(2).reduce(1, *)
    return (shape[1] * receptiveField, shape[0] * receptiveField)
}
