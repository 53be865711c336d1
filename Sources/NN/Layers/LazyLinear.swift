/// A fully connected layer whose input size is taken from its first input.
///
/// `LazyLinear(256)` knows only its output size. The first call sees the input's last axis,
/// creates the weight (256, in) and the bias with `Linear`'s initialisation, and from then on
/// the layer is an ordinary linear layer (it prints as `Linear(...)`, as PyTorch's does).
/// Before that call the layer has no parameters: asking for them stops with a message, rather
/// than handing an optimiser an empty list that would silently train nothing.
public final class LazyLinear: Module {
    /// The size of the output's last axis.
    public let outFeatures: Int
    /// The size of the input's last axis: 0 until the first input.
    public private(set) var inFeatures = 0
    private let _weight: Parameter
    private let _bias: Parameter?

    /// A layer with `outFeatures` outputs and an input size to be set by its first input.
    public init(_ outFeatures: Int, bias: Bool = true) {
        require(outFeatures > 0, "LazyLinear(\(outFeatures)): the number of output features must be positive")
        self.outFeatures = outFeatures
        let message = """
            LazyLinear(out_features=\(outFeatures)) has no parameters yet: a lazily sized layer takes its \
            input size from its first input. Call the network on an input first (for example net(x)), \
            then ask for its parameters.
            """
        _weight = Parameter(unmaterialized: message)
        _bias = bias ? Parameter(unmaterialized: message) : nil
        super.init()
    }

    /// The weight, shape (out, in); stops with a message before the first input.
    public var weight: Tensor { _weight.value }

    /// The bias, shape (out), or `nil` for a layer made with `bias: false`; stops with a
    /// message before the first input.
    public var bias: Tensor? { _bias?.value }

    /// Whether the first input has fixed the input size.
    public var isMaterialized: Bool { _weight.isMaterialized }

    public override func forward(_ x: Tensor) -> Tensor {
        require(x.rank >= 1 && x.shape.last! > 0,
                "LazyLinear(out_features=\(outFeatures)): the input needs a non-empty last axis to take its size from, got shape \(x.shape)")
        if !isMaterialized {
            inFeatures = x.shape.last!
            let (weight, bias) = Linear.initialValues(inFeatures, outFeatures, bias: _bias != nil)
            _weight.value = weight
            if let bias { _bias?.value = bias }
        }
        require(x.shape.last == inFeatures,
                "Linear(in_features=\(inFeatures), out_features=\(outFeatures)): the input's last axis must have \(inFeatures) features (fixed by the first input), got an input of shape \(x.shape)")
        return linear(x, _weight.value, _bias?.value)
    }

    public override var typeName: String { isMaterialized ? "Linear" : "LazyLinear" }

    public override var extraDescription: String {
        "in_features=\(inFeatures), out_features=\(outFeatures), bias=\(_bias == nil ? "False" : "True")"
    }
}
