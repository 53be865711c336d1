// Selecting along an axis, and joining tensors along one. Each copies the
// elements it keeps; its local derivative puts the gradient back in place.

extension Tensor {
    /// The rows `range` along axis 0: (n, …) → (range.count, …). `SliceBackward0`.
    public subscript(range: Range<Int>) -> Tensor {
        slice(axis: 0, range)
    }

    /// The elements whose index along `axis` is in `range` (negative axes count from the end).
    /// (…, n, …) → (…, range.count, …). Recorded as `SliceBackward0`.
    public func slice(axis: Int, _ range: Range<Int>) -> Tensor {
        slice(axis: axis, range, gradFn: "SliceBackward0")
    }

    func slice(axis: Int, _ range: Range<Int>, gradFn: String) -> Tensor {
        let axis = normalizedAxis(axis, "slice")
        let (outer, n, inner) = split(at: axis)
        require(range.lowerBound >= 0 && range.upperBound <= n,
                     "slice: range \(range) is out of bounds for axis \(axis) of size \(n) (shape \(shape))")
        var newShape = shape
        newShape[axis] = range.count
        let block = range.count * inner
        let total = outer * block
        let out = [Float](unsafeUninitializedCapacity: total) { out, initialized in
            storage.withUnsafeBufferPointer { x in
                for o in 0..<outer {
                    (out.baseAddress! + o * block).update(from: x.baseAddress! + (o * n + range.lowerBound) * inner,
                                                         count: block)
                }
            }
            initialized = total
        }
        return Tensor.result(shape: newShape, scalars: out, gradFn: gradFn, inputs: [self]) { g in
            [g.placed(in: self.shape, axis: axis, at: range.lowerBound)]
        }
    }

    /// Zeros of `shape` with this tensor written at `offset` along `axis`
    /// (this tensor's rank is `shape`'s, or one less when it was selected out).
    func placed(in shape: [Int], axis: Int, at offset: Int) -> Tensor {
        let outer = shape[..<axis].reduce(1, *), n = shape[axis], inner = shape[(axis + 1)...].reduce(1, *)
        let block = count / Swift.max(outer, 1)
        var out = [Float](repeating: 0, count: shape.reduce(1, *))
        storage.withUnsafeBufferPointer { g in
            out.withUnsafeMutableBufferPointer { out in
                for o in 0..<outer {
                    (out.baseAddress! + (o * n + offset) * inner).update(from: g.baseAddress! + o * block, count: block)
                }
            }
        }
        return Tensor(shape: shape, scalars: out)
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
    let outer = first.shape[..<axis].reduce(1, *), inner = first.shape[(axis + 1)...].reduce(1, *)
    let sizes = tensors.map { $0.shape[axis] }
    var shape = first.shape
    shape[axis] = sizes.reduce(0, +)
    var out: [Float] = []
    out.reserveCapacity(shape.reduce(1, *))
    for o in 0..<outer {
        for (t, size) in zip(tensors, sizes) {
            out.append(contentsOf: t.storage[(o * size * inner)..<((o + 1) * size * inner)])
        }
    }
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
