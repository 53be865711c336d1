/// The rectified linear unit as a layer: y = max(x, 0), elementwise.
public final class ReLU: Module {
    /// The layer (PyTorch's `nn.ReLU()`).
    public override init() { super.init() }
    /// y = max(x, 0), elementwise; same shape as `x`.
    public override func forward(_ x: Tensor) -> Tensor { relu(x) }
}

/// The logistic function as a layer: y = 1 / (1 + e^(-x)), elementwise.
public final class Sigmoid: Module {
    /// The layer (PyTorch's `nn.Sigmoid()`).
    public override init() { super.init() }
    /// y = 1 / (1 + e^(-x)), elementwise; same shape as `x`.
    public override func forward(_ x: Tensor) -> Tensor { sigmoid(x) }
}

/// The hyperbolic tangent as a layer, elementwise.
public final class Tanh: Module {
    /// The layer (PyTorch's `nn.Tanh()`).
    public override init() { super.init() }
    /// y = tanh(x), elementwise; same shape as `x`.
    public override func forward(_ x: Tensor) -> Tensor { tanh(x) }
}

/// A layer that returns its input unchanged (a placeholder in a network's structure).
public final class Identity: Module {
    /// The layer (PyTorch's `nn.Identity()`).
    public override init() { super.init() }
    /// y = x, elementwise; same shape as `x`.
    public override func forward(_ x: Tensor) -> Tensor { x }
}
