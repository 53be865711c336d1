// Reductions over all elements (0-d result) or along one axis. The axis
// reductions view the tensor as (outer, n, inner), where n is the reduced
// axis, so every inner loop runs over contiguous memory.

extension Tensor {
    /// `axis` counted from the front, accepting negative axes counted from the end.
    func normalizedAxis(_ axis: Int, _ operation: String, rank: Int? = nil) -> Int {
        let rank = rank ?? self.rank
        require(axis >= -rank && axis < rank,
                     "\(operation): axis \(axis) is out of range for shape \(shape) (rank \(rank); valid axes \(-rank)...\(rank - 1))")
        return axis < 0 ? axis + rank : axis
    }

    /// (outer, n, inner) sizes around `axis`.
    func split(at axis: Int) -> (outer: Int, n: Int, inner: Int) {
        (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
    }

    /// The result shape of a reduction along `axis`.
    func reducedShape(_ axis: Int, keepDims: Bool) -> [Int] {
        var reduced = shape
        if keepDims { reduced[axis] = 1 } else { reduced.remove(at: axis) }
        return reduced
    }

    /// This tensor repeated along broadcast axes to `target` (the adjoint of `summed(toShape:)`).
    func expanded(toShape target: [Int]) -> Tensor {
        if target == shape { return self }
        return Tensor(shape: target, scalars: expandScalars(storage, shape, to: target))
    }

    /// The sum of all elements, a 0-d tensor. d/dx = 1 everywhere.
    public func sum() -> Tensor {
        let total = storage.withUnsafeBufferPointer(sumScalars)
        return Tensor.result(shape: [], scalars: [total], gradFn: "SumBackward0", inputs: [self]) { g in
            [g.expanded(toShape: self.shape)]
        }
    }

    /// Sums along `axis` (negative counts from the end), dropping it unless `keepDims`.
    /// Shape (…, n, …) → (…, …) or (…, 1, …). d/dx = 1 along the axis.
    public func sum(axis: Int, keepDims: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis, "sum(axis:)")
        let (outer, n, inner) = split(at: axis)
        var out = [Float](repeating: 0, count: outer * inner)
        storage.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { out in
                for o in 0..<outer {
                    for k in 0..<n {
                        let row = x.baseAddress! + (o * n + k) * inner
                        for i in 0..<inner { out[o * inner + i] += row[i] }
                    }
                }
            }
        }
        let kept = reducedShape(axis, keepDims: true)
        return Tensor.result(shape: reducedShape(axis, keepDims: keepDims), scalars: out, gradFn: "SumBackward1",
                             inputs: [self]) { g in
            [g.reshaped(to: kept).expanded(toShape: self.shape)]
        }
    }

    /// The mean of all elements, a 0-d tensor. d/dx = 1/count.
    public func mean() -> Tensor {
        let total = storage.withUnsafeBufferPointer(sumScalars)
        let n = Float(count)
        return Tensor.result(shape: [], scalars: [total / n], gradFn: "MeanBackward0", inputs: [self]) { g in
            [(g / n).expanded(toShape: self.shape)]
        }
    }

    /// The mean along `axis`, dropping it unless `keepDims`. d/dx = 1/n along the axis.
    public func mean(axis: Int, keepDims: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis, "mean(axis:)")
        let n = Float(shape[axis])
        let sums = noGrad { sum(axis: axis, keepDims: keepDims) }
        let kept = reducedShape(axis, keepDims: true)
        return Tensor.result(shape: sums.shape, scalars: mapScalars(sums.storage) { $0 / n },
                             gradFn: "MeanBackward1", inputs: [self]) { g in
            [(g / n).reshaped(to: kept).expanded(toShape: self.shape)]
        }
    }

    /// The largest element, a 0-d tensor. The gradient is shared evenly by
    /// the elements equal to the maximum, as PyTorch does.
    public func max() -> Tensor {
        require(count > 0, "max(): the tensor is empty (shape \(shape))")
        let largest = storage.withUnsafeBufferPointer { x in x.reduce(-Float.infinity) { Swift.max($0, $1) } }
        return Tensor.result(shape: [], scalars: [largest], gradFn: "MaxBackward1", inputs: [self]) { g in
            let ties = Float(self.storage.lazy.filter { $0 == largest }.count)
            let share = g.item() / ties
            return [Tensor(shape: self.shape, scalars: mapScalars(self.storage) { $0 == largest ? share : 0 })]
        }
    }

    /// The largest value along `axis`, dropping it unless `keepDims` (the values
    /// of PyTorch's `x.max(dim)`). The gradient goes to the first maximal element.
    public func max(axis: Int, keepDims: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis, "max(axis:)")
        let (outer, n, inner) = split(at: axis)
        require(n > 0, "max(axis:): axis \(axis) of shape \(shape) is empty")
        var out = [Float](repeating: -.infinity, count: outer * inner)
        var argmax = [Int](repeating: 0, count: outer * inner)
        storage.withUnsafeBufferPointer { x in
            for o in 0..<outer {
                for k in 0..<n {
                    for i in 0..<inner where x[(o * n + k) * inner + i] > out[o * inner + i] {
                        out[o * inner + i] = x[(o * n + k) * inner + i]
                        argmax[o * inner + i] = k
                    }
                }
            }
        }
        return Tensor.result(shape: reducedShape(axis, keepDims: keepDims), scalars: out, gradFn: "MaxBackward0",
                             inputs: [self]) { g in
            var grad = [Float](repeating: 0, count: self.count)
            for o in 0..<outer {
                for i in 0..<inner { grad[(o * n + argmax[o * inner + i]) * inner + i] = g.storage[o * inner + i] }
            }
            return [Tensor(shape: self.shape, scalars: grad)]
        }
    }
}
