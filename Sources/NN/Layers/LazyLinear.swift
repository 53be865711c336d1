/// A fully connected layer whose input size is taken from its first input (PyTorch's
/// `nn.LazyLinear`).
///
/// `LazyLinear(256)` knows only its output size. The first call sees the input's last axis,
/// creates the weight (256, in) and the bias with `Linear`'s initialisation, and from then on
/// the layer is an ordinary linear layer: it is a subclass of `Linear`, so `as? Linear` and
/// `net[0, as: Linear.self]` work, and it prints as `Linear(...)`, as PyTorch's does.
/// Before that call the layer has no parameters: asking for them stops with a message, rather
/// than handing an optimiser an empty list that would silently train nothing.
public final class LazyLinear: Linear {
    /// A layer with `outFeatures` outputs and an input size to be set by its first input.
    public init(_ outFeatures: Int, bias: Bool = true) {
        require(outFeatures > 0, "LazyLinear(\(outFeatures)): the number of output features must be positive")
        let message = """
            LazyLinear(out_features=\(outFeatures)) has no parameters yet: a lazily sized layer takes its \
            input size from its first input. Call the network on an input first (for example net(x)), \
            then ask for its parameters.
            """
        super.init(outFeatures: outFeatures, bias: bias, unmaterialized: message)
    }

    /// Whether the first input has fixed the input size.
    public var isMaterialized: Bool { $weight.isMaterialized }

    /// Takes the input size from the first input (creating the parameters), then computes
    /// y = x·Wᵀ + b as `Linear` does.
    public override func forward(_ x: Tensor) -> Tensor {
        require(x.rank >= 1 && x.shape.last! > 0,
                "LazyLinear(out_features=\(outFeatures)): the input needs a non-empty last axis to take its size from, got shape \(x.shape)")
        if !isMaterialized {
            inFeatures = x.shape.last!
            let (weight, bias) = Linear.initialValues(inFeatures, outFeatures, bias: _bias != nil)
            $weight.value = weight
            if let bias { _bias?.value = bias }
        }
        require(x.shape.last == inFeatures,
                "Linear(in_features=\(inFeatures), out_features=\(outFeatures)): the input's last axis must have \(inFeatures) features (fixed by the first input), got an input of shape \(x.shape)")
        return linear(x, weight, _bias?.value)
    }

    /// `LazyLinear` before the first input, `Linear` after, as PyTorch prints the layer.
    public override var typeName: String { isMaterialized ? "Linear" : "LazyLinear" }
}
