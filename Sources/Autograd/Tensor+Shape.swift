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
        return transposed(rank - 2, rank - 1, gradFn: rank == 2 ? "TBackward0" : "TransposeBackward0")
    }

    /// Swaps axes `axis0` and `axis1` (negative axes count from the end).
    public func transposed(_ axis0: Int, _ axis1: Int) -> Tensor {
        transposed(axis0, axis1, gradFn: "TransposeBackward0")
    }

    func transposed(_ axis0: Int, _ axis1: Int, gradFn: String) -> Tensor {
        let a = normalizedAxis(axis0, "transposed"), b = normalizedAxis(axis1, "transposed")
        var newShape = shape
        newShape.swapAt(a, b)
        // Strides of the source read in the order of the result's axes.
        var strides = [Int](repeating: 0, count: rank)
        var step = 1
        for i in stride(from: rank - 1, through: 0, by: -1) { strides[i] = step; step *= shape[i] }
        strides.swapAt(a, b)
        let total = count
        let out = [Float](unsafeUninitializedCapacity: total) { out, initialized in
            storage.withUnsafeBufferPointer { x in
                forEachBroadcastRow(shape: newShape, strides: [strides]) { o, offsets, n in
                    let inner = strides[rank - 1]
                    for j in 0..<n { out[o + j] = x[offsets[0] + j * inner] }
                }
            }
            initialized = total
        }
        return Tensor.result(shape: newShape, scalars: out, gradFn: gradFn, inputs: [self]) { g in
            [g.transposed(a, b, gradFn: gradFn)]
        }
    }
}
