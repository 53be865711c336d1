extension Tensor {
    /// A tensor of the given shape holding `scalars` in row-major order.
    /// `scalars.count` must be the product of `shape` (`[]` is a 0-d tensor with one scalar).
    public init(shape: [Int], scalars: [Float], requiresGrad: Bool = false) {
        require(shape.allSatisfy { $0 >= 0 }, "Tensor(shape:scalars:): negative size in shape \(shape)")
        let expected = shape.reduce(1, *)
        require(expected == scalars.count,
                     "Tensor(shape:scalars:): shape \(shape) needs \(expected) scalars, got \(scalars.count)")
        self.init(node: TensorNode(shape: shape, requiresGrad: requiresGrad), storage: scalars)
    }

    /// A 0-d tensor holding one value, like `torch.tensor(3.5)`.
    public init(_ value: Float, requiresGrad: Bool = false) {
        self.init(shape: [], scalars: [value], requiresGrad: requiresGrad)
    }

    /// A 1-D tensor, like `torch.tensor([1., 2., 3.])`.
    public init(_ scalars: [Float], requiresGrad: Bool = false) {
        self.init(shape: [scalars.count], scalars: scalars, requiresGrad: requiresGrad)
    }

    /// A 2-D tensor from rows of equal length.
    public init(_ rows: [[Float]], requiresGrad: Bool = false) {
        let columns = rows.first?.count ?? 0
        require(rows.allSatisfy { $0.count == columns },
                     "Tensor: rows have different lengths \(rows.map(\.count)); every row needs \(columns)")
        self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 }, requiresGrad: requiresGrad)
    }

    /// A 3-D tensor from matrices of equal shape.
    public init(_ matrices: [[[Float]]], requiresGrad: Bool = false) {
        let inner = matrices.map { Tensor($0) }
        let innerShape = inner.first?.shape ?? [0, 0]
        require(inner.allSatisfy { $0.shape == innerShape },
                     "Tensor: matrices have different shapes \(inner.map(\.shape))")
        self.init(shape: [matrices.count] + innerShape, scalars: inner.flatMap(\.scalars),
                  requiresGrad: requiresGrad)
    }

    /// A tensor of `shape` with every element equal to `value`.
    public static func full(_ value: Float, shape: [Int], requiresGrad: Bool = false) -> Tensor {
        Tensor(shape: shape, scalars: [Float](repeating: value, count: shape.reduce(1, *)),
               requiresGrad: requiresGrad)
    }

    /// A tensor with every element equal to `value`: `Tensor.full(7, 2, 3)`.
    public static func full(_ value: Float, _ shape: Int..., requiresGrad: Bool = false) -> Tensor {
        full(value, shape: shape, requiresGrad: requiresGrad)
    }

    /// Zeros of the given shape: `Tensor.zeros(2, 3)`.
    public static func zeros(_ shape: Int..., requiresGrad: Bool = false) -> Tensor {
        full(0, shape: shape, requiresGrad: requiresGrad)
    }

    /// Zeros of the given shape: `Tensor.zeros(shape: [2, 3])`.
    public static func zeros(shape: [Int], requiresGrad: Bool = false) -> Tensor {
        full(0, shape: shape, requiresGrad: requiresGrad)
    }

    /// Ones of the given shape: `Tensor.ones(2, 3)`.
    public static func ones(_ shape: Int..., requiresGrad: Bool = false) -> Tensor {
        full(1, shape: shape, requiresGrad: requiresGrad)
    }

    /// Ones of the given shape: `Tensor.ones(shape: [2, 3])`.
    public static func ones(shape: [Int], requiresGrad: Bool = false) -> Tensor {
        full(1, shape: shape, requiresGrad: requiresGrad)
    }

    /// `[0, 1, ..., end - 1]` as a 1-D Float tensor, like `torch.arange(5)`.
    public static func arange(_ end: Int, requiresGrad: Bool = false) -> Tensor {
        require(end >= 0, "arange: end must be non-negative, got \(end)")
        return Tensor((0..<end).map { Float($0) }, requiresGrad: requiresGrad)
    }

    /// `start, start + step, ...` up to but excluding `end`, like `torch.arange(0, 1, 0.25)`.
    /// The count is `ceil((end - start) / step)`, computed in Double as PyTorch does.
    public static func arange(from start: Float, to end: Float, by step: Float = 1,
                              requiresGrad: Bool = false) -> Tensor {
        require(step != 0, "arange: step must not be zero")
        let count = Swift.max(0, Int(((Double(end) - Double(start)) / Double(step)).rounded(.up)))
        return Tensor((0..<count).map { Float(Double(start) + Double($0) * Double(step)) },
                      requiresGrad: requiresGrad)
    }
}

// Every factory takes its shape either as trailing integers, `Tensor.zeros(2, 3)`, or as an
// array, `Tensor.zeros(shape: [2, 3])` (for a shape held in a variable), or from a tensor,
// `Tensor.zeros(like: w)`. The random ones are in `Random.swift`.
extension Tensor {
    /// Zeros of `other`'s shape (PyTorch's `torch.zeros_like(other)`).
    public static func zeros(like other: Tensor, requiresGrad: Bool = false) -> Tensor {
        zeros(shape: other.shape, requiresGrad: requiresGrad)
    }

    /// Ones of `other`'s shape (PyTorch's `torch.ones_like(other)`).
    public static func ones(like other: Tensor, requiresGrad: Bool = false) -> Tensor {
        ones(shape: other.shape, requiresGrad: requiresGrad)
    }

    /// `value` everywhere, in `other`'s shape (PyTorch's `torch.full_like(other, value)`).
    public static func full(_ value: Float, like other: Tensor, requiresGrad: Bool = false) -> Tensor {
        full(value, shape: other.shape, requiresGrad: requiresGrad)
    }

    /// The number of elements, PyTorch's `numel()`; the same as `count`.
    public func numel() -> Int { count }

    /// A copy of this tensor's values (PyTorch's `clone()`). Values are already kept apart
    /// by copy-on-write, so a clone is only needed for PyTorch's other meaning: a result
    /// recorded as `CloneBackward0` whose gradient flows back to this tensor.
    public func clone() -> Tensor {
        Tensor.result(shape: shape, scalars: storage, gradFn: "CloneBackward0", inputs: [self]) { g in [g] }
    }
}
