/// A trainable tensor of a module.
///
/// Mark a module's tensor property with `@Parameter` and it becomes trainable: reflection finds
/// it (`Module.parameters()`), autograd accumulates its gradient, optimisers update it. Inside
/// the module it reads and writes as a plain `Tensor`; `$weight` gives the `Parameter` itself.
///
/// ```swift
/// final class MyLinear: Module {
///     @Parameter var weight: Tensor
///     init(_ inputs: Int, _ outputs: Int) {
///         weight = Tensor.randn(inputs, outputs)
///         super.init()
///     }
///     override func forward(_ x: Tensor) -> Tensor { matmul(x, weight) }
/// }
/// ```
///
/// The value is always a leaf that requires grad: assigning a tensor stores a detached copy of
/// its values (PyTorch's `nn.Parameter(t)`), so no graph leads into a parameter.
@propertyWrapper
public final class Parameter: CustomStringConvertible {
    private var stored: Tensor?
    /// Why there is no value yet (a lazily sized layer before its first input).
    private let missingValueMessage: String

    /// A parameter holding `wrappedValue`'s values as a leaf that requires grad.
    public init(wrappedValue: Tensor) {
        stored = wrappedValue.requiringGrad()
        missingValueMessage = ""
    }

    /// A parameter holding `value`'s values as a leaf that requires grad.
    public convenience init(_ value: Tensor) {
        self.init(wrappedValue: value)
    }

    /// A parameter whose shape is not known yet; reading it stops with `message`.
    init(unmaterialized message: String) {
        stored = nil
        missingValueMessage = message
    }

    /// The tensor; the same as `value`.
    public var wrappedValue: Tensor {
        get { value }
        set { value = newValue }
    }

    /// The parameter itself: `$weight.grad`, `$weight.value`.
    public var projectedValue: Parameter { self }

    /// The current values, a leaf that requires grad. Setting it keeps the parameter (and every
    /// optimiser holding it) and replaces the values.
    public var value: Tensor {
        get {
            guard let stored else { fatalError(missingValueMessage) }
            return stored
        }
        set { stored = newValue.requiringGrad() }
    }

    /// The gradient accumulated by `backward()`, `nil` before one (or after `zeroGrad()`).
    public var grad: Tensor? {
        get { stored?.grad }
        set { stored?.grad = newValue }
    }

    /// The shape of the value.
    public var shape: [Int] { value.shape }

    /// False for a lazily sized layer's parameter before the layer has seen an input.
    public var isMaterialized: Bool { stored != nil }

    /// Stops with the parameter's own message when it has no value yet.
    func requireMaterialized() {
        if stored == nil { fatalError(missingValueMessage) }
    }

    /// As PyTorch prints a parameter: `Parameter containing:` and the tensor.
    public var description: String {
        guard let stored else { return "<UninitializedParameter>" }
        return "Parameter containing:\n\(stored)"
    }
}
