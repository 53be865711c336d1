/// A fully connected layer: y = x·Wᵀ + b.
///
/// x: (…, in) → y: (…, out). The weight is stored as (out, in), as PyTorch stores it, and the
/// product runs as one BLAS call with the transpose as a flag. Initialisation is PyTorch's
/// default: W and b uniform in [-1/√in, 1/√in] (Kaiming-uniform with a = √5).
///
/// ```swift
/// let layer = Linear(20, 256)
/// layer(Tensor.rand(2, 20)).shape   // [2, 256]
/// ```
public final class Linear: Module {
    /// The size of the input's last axis.
    public let inFeatures: Int
    /// The size of the output's last axis.
    public let outFeatures: Int
    /// The weight, shape (out, in).
    @Parameter public var weight: Tensor
    private let _bias: Parameter?

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

    /// The bias, shape (out), or `nil` for a layer made with `bias: false`.
    public var bias: Tensor? {
        get { _bias?.value }
        set {
            require((_bias == nil) == (newValue == nil), "Linear: a layer made \(_bias == nil ? "without" : "with") a bias keeps it that way")
            if let newValue { _bias?.value = newValue }
        }
    }

    public override func forward(_ x: Tensor) -> Tensor {
        require(x.rank >= 1 && x.shape.last == inFeatures,
                "Linear(in_features=\(inFeatures), out_features=\(outFeatures)): the input's last axis must have \(inFeatures) features, got an input of shape \(x.shape)")
        return linear(x, weight, _bias?.value)
    }

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
