/// A trainable tensor of a module (PyTorch's `nn.Parameter`).
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
/// The value is always a leaf: assigning a tensor stores a detached copy of its values
/// (PyTorch's `p.data = t`), so no graph leads into a parameter. A `Tensor` read from a
/// parameter is a value like any other: when an optimiser or an initialiser later updates the
/// parameter in place, a tensor read before keeps the values it had.
///
/// The `Parameter` object is the parameter's identity: modules that hold the same object share
/// one parameter (one value, one gradient), which is how weights are tied on purpose:
/// `second.$weight = first.$weight`.
@propertyWrapper
public final class Parameter: CustomStringConvertible {
    private var stored: Tensor?
    /// Whether backward passes compute a gradient for this parameter and optimisers update it.
    private var tracksGrad = true
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

    /// The parameter itself: `$weight.grad`, `$weight.value`, `$weight.requiresGrad = false`.
    /// Inside a class (every module), `$weight` can also be assigned: `b.$weight = a.$weight`
    /// makes `b` use `a`'s parameter (see `subscript(_enclosingInstance:projected:storage:)`).
    public var projectedValue: Parameter {
        get { self }
        set { fatalError("Parameter: tying ($weight = ...) works for a @Parameter property of a class, such as a Module") }
    }

    /// `$weight` of a property of a class: reading gives the parameter; assigning replaces the
    /// property's parameter object, so two modules can hold one parameter (tied weights; Swift's
    /// spelling of PyTorch's `b.weight = a.weight`).
    public static subscript<Enclosing: AnyObject>(
        _enclosingInstance instance: Enclosing,
        projected projectedKeyPath: ReferenceWritableKeyPath<Enclosing, Parameter>,
        storage storageKeyPath: ReferenceWritableKeyPath<Enclosing, Parameter>
    ) -> Parameter {
        get { instance[keyPath: storageKeyPath] }
        set { instance[keyPath: storageKeyPath] = newValue }
    }

    /// The current values, a leaf. Setting it keeps the parameter (and every optimiser holding
    /// it) and its `requiresGrad`, and replaces the values (PyTorch's `p.data = t`); no graph
    /// leads from `newValue` into the parameter. With the shape unchanged the gradient stays too.
    public var value: Tensor {
        get {
            guard let stored else { fatalError(missingValueMessage) }
            return stored
        }
        set {
            if let current = stored, current.shape == newValue.shape {
                // Same shape: new values for the same tensor, which keeps its place in graphs
                // already built (they still send their gradients here) and its gradient.
                update { $0.copy(from: newValue) }   // shares the array: no copy
            } else {
                stored = newValue.requiringGrad(tracksGrad)
            }
        }
    }

    /// Changes the value in place with `body`, without recording a graph (as PyTorch's
    /// `with torch.no_grad(): p.add_(...)`): no other tensor sees the change, not even one
    /// read from this parameter before, while every module holding the parameter does.
    /// `requiresGrad` and the gradient are kept. Optimisers and initialisers update this way.
    /// Change `$0` in place (`addInPlace`, `copy(from:)`, `$0[i] = x`, `$0 -= x`) to keep the
    /// tensor's place in graphs already built; assigning a new tensor to `$0` starts a new one.
    ///
    /// ```swift
    /// layer.$weight.update { $0.addInPlace(layer.$weight.grad!, alpha: -0.1) }
    /// ```
    public func update(_ body: (inout Tensor) -> Void) {
        guard var current = stored else { fatalError(missingValueMessage) }
        let shape = current.shape
        stored = nil  // `current` is now the only holder of its node, unless others kept copies
        defer {
            if current.isLeaf && current.requiresGrad == tracksGrad {
                stored = current
            } else {
                let grad = current.shape == shape ? current.grad : nil
                stored = current.requiringGrad(tracksGrad)
                stored?.grad = grad
            }
        }
        noGrad { body(&current) }
    }

    /// The gradient accumulated by `backward()`, `nil` before one (or after `zeroGrad()`).
    public var grad: Tensor? {
        get { stored?.grad }
        set { stored?.grad = newValue }
    }

    /// Whether the parameter is trained (PyTorch's `p.requires_grad`, set with
    /// `p.requires_grad_(False)`). Set it to `false` to freeze the parameter: backward passes
    /// compute no gradient for it and optimisers leave it alone. A gradient it already had
    /// stays until `zeroGrad()`.
    public var requiresGrad: Bool {
        get { tracksGrad }
        set {
            tracksGrad = newValue
            guard let current = stored, current.requiresGrad != newValue else { return }
            let grad = current.grad
            stored = current.requiringGrad(newValue)
            stored?.grad = grad
        }
    }

    /// The shape of the value.
    public var shape: [Int] { value.shape }

    /// The number of elements of the value (PyTorch's `p.numel()`).
    public func numel() -> Int { value.count }

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
