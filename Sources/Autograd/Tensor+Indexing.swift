// Selecting along an axis, and joining tensors along one. Each copies the elements it
// keeps (Kernels/Indexing.swift); its local derivative puts the gradient back in place.

extension Tensor {
    /// The rows `range` along axis 0: (n, …) → (range.count, …). `SliceBackward0`.
    public subscript(range: Range<Int>) -> Tensor {
        slice(axis: 0, range)
    }

    /// The elements whose index along `axis` is in `range` (negative axes count from the end).
    /// (…, n, …) → (…, range.count, …). Recorded as `SliceBackward0`.
    public func slice(axis: Int, _ range: Range<Int>) -> Tensor {
        let axis = normalizedAxis(axis, "slice")
        let layout = split(at: axis)
        require(range.lowerBound >= 0 && range.upperBound <= layout.n,
                     "slice: range \(range) is out of bounds for axis \(axis) of size \(layout.n) (shape \(shape))")
        var newShape = shape
        newShape[axis] = range.count
        return Tensor.result(shape: newShape, scalars: sliceScalars(storage, layout, range),
                             gradFn: "SliceBackward0", inputs: [self]) { g in
            [Tensor(shape: self.shape, scalars: placeScalars(g.storage, in: layout, at: range.lowerBound))]
        }
    }
}

/// Joins tensors along an existing `axis`; all other sizes must match.
/// Shapes (…, nᵢ, …) → (…, Σnᵢ, …). Recorded as `CatBackward0`.
public func concat(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
    require(!tensors.isEmpty, "concat: needs at least one tensor")
    let first = tensors[0]
    let axis = first.normalizedAxis(axis, "concat")
    for t in tensors {
        var a = t.shape, b = first.shape
        require(a.count == b.count, "concat: shapes \(first.shape) and \(t.shape) have different ranks")
        a[axis] = 0; b[axis] = 0
        require(a == b, "concat: shapes \(first.shape) and \(t.shape) differ outside axis \(axis)")
    }
    let (outer, _, inner) = first.split(at: axis)
    let sizes = tensors.map { $0.shape[axis] }
    var shape = first.shape
    shape[axis] = sizes.reduce(0, +)
    let out = concatScalars(tensors.map(\.storage), sizes: sizes, outer: outer, inner: inner)
    return Tensor.result(shape: shape, scalars: out, gradFn: "CatBackward0", inputs: tensors) { g in
        var start = 0
        return sizes.map { size in
            defer { start += size }
            return g.slice(axis: axis, start..<(start + size))
        }
    }
}

/// Stacks equally shaped tensors along a new `axis`: k tensors of shape S →
/// S with k inserted at `axis`. Recorded as `StackBackward0`.
public func stack(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
    require(!tensors.isEmpty, "stack: needs at least one tensor")
    let shape = tensors[0].shape
    for t in tensors {
        require(t.shape == shape, "stack: every tensor needs the same shape, got \(shape) and \(t.shape)")
    }
    let axis = tensors[0].normalizedAxis(axis, "stack", rank: shape.count + 1)
    var expanded = shape
    expanded.insert(1, at: axis)
    let joined = noGrad { concat(tensors.map { $0.reshaped(to: expanded) }, axis: axis) }
    return Tensor.result(shape: joined.shape, scalars: joined.storage, gradFn: "StackBackward0",
                         inputs: tensors) { g in
        (0..<tensors.count).map { i in g.slice(axis: axis, i..<(i + 1)).reshaped(to: shape) }
    }
}
