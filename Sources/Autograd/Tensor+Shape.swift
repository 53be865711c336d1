// Reshaping and transposing. Reshape shares the scalars (no copy); transpose
// copies them into the new row-major order.

extension Tensor {
    /// The same elements in a new shape; one size may be -1 and is inferred.
    /// Recorded as PyTorch's `ViewBackward0`. `Tensor.arange(6).reshaped(2, -1)` has shape [2, 3].
    public func reshaped(_ shape: Int...) -> Tensor { reshaped(to: shape) }

    /// The same elements in a new shape; one size may be -1 and is inferred.
    public func reshaped(to newShape: [Int]) -> Tensor {
        let target = resolvedShape(newShape)
        if target == shape { return self }
        return Tensor.result(shape: target, scalars: storage, gradFn: "ViewBackward0", inputs: [self]) { g in
            [g.reshaped(to: self.shape)]
        }
    }

    /// `newShape` with its -1 replaced, or a stop naming both shapes.
    func resolvedShape(_ newShape: [Int]) -> [Int] {
        let unknown = newShape.indices.filter { newShape[$0] == -1 }
        require(unknown.count <= 1, "reshaped: only one size may be -1, got \(newShape)")
        require(newShape.allSatisfy { $0 >= -1 }, "reshaped: invalid size in \(newShape)")
        var target = newShape
        let known = newShape.filter { $0 != -1 }.reduce(1, *)
        if let i = unknown.first {
            require(known > 0 && count % known == 0,
                         "reshaped: shape \(newShape) is invalid for a tensor of shape \(shape) (\(count) elements)")
            target[i] = count / known
        }
        require(target.reduce(1, *) == count,
                     "reshaped: shape \(newShape) is invalid for a tensor of shape \(shape) (\(count) elements)")
        return target
    }

    /// The matrix transpose: swaps the two axes of a 2-D tensor (`TBackward0`),
    /// or the last two axes of a tensor of rank > 2 (`TransposeBackward0`).
    /// A 1-D tensor is returned unchanged, as `t()` does.
    public func transposed() -> Tensor {
        if rank < 2 { return self }
        return transposed(rank - 2, rank - 1, gradFn: GradFnName.matrixTranspose(rank: rank))
    }

    /// Swaps axes `axis0` and `axis1` (negative axes count from the end).
    public func transposed(_ axis0: Int, _ axis1: Int) -> Tensor {
        transposed(axis0, axis1, gradFn: "TransposeBackward0")
    }

    /// Swaps two axes: (…, a, …, b, …) → (…, b, …, a, …), copied into the new row-major
    /// order. d/dx: the gradient with the same two axes swapped back.
    func transposed(_ axis0: Int, _ axis1: Int, gradFn: String) -> Tensor {
        let a = normalizedAxis(axis0, "transposed"), b = normalizedAxis(axis1, "transposed")
        var newShape = shape
        newShape.swapAt(a, b)
        return Tensor.result(shape: newShape, scalars: transposeScalars(storage, shape, a, b),
                             gradFn: gradFn, inputs: [self]) { g in
            [g.transposed(a, b, gradFn: gradFn)]
        }
    }
}
