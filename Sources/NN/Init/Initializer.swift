/// A rule for a tensor's initial values, given its shape: PyTorch's `torch.nn.init` functions
/// as values. Apply one to a parameter, to a tensor, or to every layer through `apply`:
///
/// ```swift
/// layer.$weight.initialize(.xavierUniform())             // nn.init.xavier_uniform_(layer.weight)
/// layer.biasParameter?.initialize(.zeros)                 // nn.init.zeros_(layer.bias)
/// net.apply(to: Linear.self) { $0.$weight.initialize(.normal(std: 0.01)) }
/// let halves = Initializer { shape in Tensor.full(0.5, shape: shape) }   // a rule of your own
/// ```
///
/// Every rule draws from the engine's seeded generator, so `manualSeed` makes it repeatable
/// (with the engine's values, not PyTorch's). The fans of Xavier and Kaiming follow
/// `fans(ofShape:)`, the gains `calculateGain(_:param:)`.
public struct Initializer {
    private let rule: (_ shape: [Int]) -> Tensor

    /// A rule of your own: `rule` returns the values for a tensor of the given shape.
    public init(_ rule: @escaping (_ shape: [Int]) -> Tensor) {
        self.rule = rule
    }

    /// New values of `shape` drawn by this rule.
    public func values(shape: [Int]) -> Tensor {
        let values = rule(shape)
        require(values.shape == shape, "Initializer: the rule returned shape \(values.shape) for a tensor of shape \(shape)")
        return values
    }

    /// N(mean, std²) (PyTorch's `nn.init.normal_(t, mean=0.0, std=1.0)`).
    public static func normal(mean: Float = 0, std: Float = 1) -> Initializer {
        Initializer { Tensor.normal(mean: mean, std: std, shape: $0) }
    }

    /// Uniform in [low, high) (PyTorch's `nn.init.uniform_(t, a=0.0, b=1.0)`).
    public static func uniform(_ low: Float = 0, _ high: Float = 1) -> Initializer {
        Initializer { Tensor.uniform(low, high, shape: $0) }
    }

    /// `value` everywhere (PyTorch's `nn.init.constant_(t, val)`).
    public static func constant(_ value: Float) -> Initializer {
        Initializer { Tensor.full(value, shape: $0) }
    }

    /// Zeros (PyTorch's `nn.init.zeros_`).
    public static var zeros: Initializer { constant(0) }

    /// Ones (PyTorch's `nn.init.ones_`).
    public static var ones: Initializer { constant(1) }

    /// Glorot and Bengio's uniform rule (PyTorch's `nn.init.xavier_uniform_(t, gain=1.0)`):
    /// U(-a, a) with a = gain · √(6 / (fanIn + fanOut)).
    public static func xavierUniform(gain: Float = 1) -> Initializer {
        Initializer { shape in
            let (fanIn, fanOut) = fans(ofShape: shape)
            let bound = gain * (6 / Float(fanIn + fanOut)).squareRoot()
            return Tensor.uniform(-bound, bound, shape: shape)
        }
    }

    /// Glorot and Bengio's normal rule (PyTorch's `nn.init.xavier_normal_(t, gain=1.0)`):
    /// N(0, std²) with std = gain · √(2 / (fanIn + fanOut)).
    public static func xavierNormal(gain: Float = 1) -> Initializer {
        Initializer { shape in
            let (fanIn, fanOut) = fans(ofShape: shape)
            return Tensor.normal(mean: 0, std: gain * (2 / Float(fanIn + fanOut)).squareRoot(), shape: shape)
        }
    }

    /// He et al.'s uniform rule (PyTorch's `nn.init.kaiming_uniform_(t, a=0, mode="fan_in",
    /// nonlinearity="leaky_relu")`): U(-b, b) with b = √3 · gain / √fan, gain =
    /// `calculateGain(nonlinearity, param: a)` (`a` is the negative slope of a leaky ReLU).
    public static func kaimingUniform(a: Float = 0, mode: FanMode = .fanIn,
                                      nonlinearity: Nonlinearity = .leakyReLU) -> Initializer {
        Initializer { shape in
            let std = kaimingStd(shape, a: a, mode: mode, nonlinearity: nonlinearity)
            return Tensor.uniform(-Float(3).squareRoot() * std, Float(3).squareRoot() * std, shape: shape)
        }
    }

    /// He et al.'s normal rule (PyTorch's `nn.init.kaiming_normal_(t, a=0, mode="fan_in",
    /// nonlinearity="leaky_relu")`): N(0, std²) with std = gain / √fan.
    public static func kaimingNormal(a: Float = 0, mode: FanMode = .fanIn,
                                     nonlinearity: Nonlinearity = .leakyReLU) -> Initializer {
        Initializer { shape in
            Tensor.normal(mean: 0, std: kaimingStd(shape, a: a, mode: mode, nonlinearity: nonlinearity), shape: shape)
        }
    }

    /// gain / √fan, Kaiming's standard deviation.
    static func kaimingStd(_ shape: [Int], a: Float, mode: FanMode, nonlinearity: Nonlinearity) -> Float {
        let (fanIn, fanOut) = fans(ofShape: shape)
        let fan = mode == .fanIn ? fanIn : fanOut
        return calculateGain(nonlinearity, param: a) / Float(Swift.max(fan, 1)).squareRoot()
    }
}

extension Tensor {
    /// Replaces this tensor's values in place with new ones drawn by `initializer` (PyTorch's
    /// `nn.init.normal_(t)` and friends); the shape, `requiresGrad` and gradient stay, and other
    /// copies of the tensor keep their values.
    public mutating func initialize(_ initializer: Initializer) {
        copy(from: initializer.values(shape: shape))
    }
}

extension Parameter {
    /// Replaces the parameter's values in place with new ones drawn by `initializer`, as
    /// PyTorch's `nn.init.xavier_uniform_(layer.weight)`: every module holding the parameter,
    /// and every optimiser, sees the new values; a tensor read from it before keeps the old ones.
    public func initialize(_ initializer: Initializer) {
        let values = initializer.values(shape: shape)
        update { $0.copy(from: values) }
    }
}
