/// The rectified linear unit as a layer: y = max(x, 0), elementwise.
public final class ReLU: Module {
    public override init() { super.init() }
    public override func forward(_ x: Tensor) -> Tensor { relu(x) }
}

/// The logistic function as a layer: y = 1 / (1 + e^(-x)), elementwise.
public final class Sigmoid: Module {
    public override init() { super.init() }
    public override func forward(_ x: Tensor) -> Tensor { sigmoid(x) }
}

/// The hyperbolic tangent as a layer, elementwise.
public final class Tanh: Module {
    public override init() { super.init() }
    public override func forward(_ x: Tensor) -> Tensor { tanh(x) }
}

/// A layer that returns its input unchanged (a placeholder in a network's structure).
public final class Identity: Module {
    public override init() { super.init() }
    public override func forward(_ x: Tensor) -> Tensor { x }
}
