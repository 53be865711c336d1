/// A fully connected layer: y = x·Wᵀ + b (PyTorch's `nn.Linear`).
///
/// x: (…, in) → y: (…, out). The weight is stored as (out, in), as PyTorch stores it, and the
/// product runs as one BLAS call with the transpose as a flag. Initialisation is PyTorch's
/// default: W and b uniform in [-1/√in, 1/√in] (Kaiming-uniform with a = √5).
///
/// ```swift
/// let layer = Linear(20, 256)
/// layer(Tensor.rand(2, 20)).shape   // [2, 256]
/// ```
///
/// `LazyLinear` is a subclass: a lazily sized layer that has seen its first input is a
/// `Linear` in every respect (`net[0, as: Linear.self]` works on it).
public class Linear: Module {
    /// The size of the input's last axis (0 for a `LazyLinear` before its first input).
    public internal(set) var inFeatures: Int
    /// The size of the output's last axis.
    public let outFeatures: Int
    /// The weight, shape (out, in); `$weight` is its `Parameter`.
    @Parameter public var weight: Tensor
    /// The bias's parameter, `nil` for a layer made with `bias: false`.
    var _bias: Parameter?

    /// A layer from `inFeatures` to `outFeatures` units, with a bias unless `bias` is false.
    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true) {
        require(inFeatures > 0 && outFeatures > 0,
                "Linear(\(inFeatures), \(outFeatures)): the numbers of input and output features must be positive")
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        let (weight, bias) = Self.initialValues(inFeatures, outFeatures, bias: bias)
        _weight = Parameter(weight)
        _bias = bias.map(Parameter.init)
        super.init()
    }

    /// A layer whose parameters have no values yet (`LazyLinear`); reading them stops with `message`.
    init(outFeatures: Int, bias: Bool, unmaterialized message: String) {
        self.inFeatures = 0
        self.outFeatures = outFeatures
        _weight = Parameter(unmaterialized: message)
        _bias = bias ? Parameter(unmaterialized: message) : nil
        super.init()
    }

    /// The bias, shape (out), or `nil` for a layer made with `bias: false`.
    public var bias: Tensor? {
        get { _bias?.value }
        set {
            require((_bias == nil) == (newValue == nil), "Linear: a layer made \(_bias == nil ? "without" : "with") a bias keeps it that way")
            if let newValue { _bias?.value = newValue }
        }
    }

    /// The bias's `Parameter` (what `$weight` is for the weight), `nil` without a bias. Assign
    /// another layer's to tie the biases: `b.biasParameter = a.biasParameter`.
    public var biasParameter: Parameter? {
        get { _bias }
        set {
            require((_bias == nil) == (newValue == nil), "Linear: a layer made \(_bias == nil ? "without" : "with") a bias keeps it that way")
            _bias = newValue
        }
    }

    /// y = x·Wᵀ + b; x: (…, in) → y: (…, out).
    public override func forward(_ x: Tensor) -> Tensor {
        require(x.rank >= 1 && x.shape.last == inFeatures,
                "Linear(in_features=\(inFeatures), out_features=\(outFeatures)): the input's last axis must have \(inFeatures) features, got an input of shape \(x.shape)")
        return linear(x, weight, _bias?.value)
    }

    /// `in_features=20, out_features=256, bias=True`, as PyTorch prints the layer.
    public override var extraDescription: String {
        "in_features=\(inFeatures), out_features=\(outFeatures), bias=\(_bias == nil ? "False" : "True")"
    }

    /// PyTorch's default initial values: uniform in [-1/√in, 1/√in], the weight drawn first.
    static func initialValues(_ inFeatures: Int, _ outFeatures: Int, bias: Bool) -> (weight: Tensor, bias: Tensor?) {
        let bound = 1 / Float(inFeatures).squareRoot()
        let weight = Tensor.uniform(-bound, bound, shape: [outFeatures, inFeatures])
        return (weight, bias ? Tensor.uniform(-bound, bound, shape: [outFeatures]) : nil)
    }
}
