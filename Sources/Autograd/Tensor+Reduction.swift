// Reductions over all elements (a 0-d result) or along one axis. Each states its result
// shape, calls its kernel (Kernels/Reduction.swift), and gives its local derivative: the
// gradient spread back over the elements that were reduced.

extension Tensor {
    /// `axis` counted from the front, accepting negative axes counted from the end.
    func normalizedAxis(_ axis: Int, _ operation: String, rank: Int? = nil) -> Int {
        let rank = rank ?? self.rank
        require(axis >= -rank && axis < rank,
                     "\(operation): axis \(axis) is out of range for shape \(shape) (rank \(rank); valid axes \(-rank)...\(rank - 1))")
        return axis < 0 ? axis + rank : axis
    }

    /// This tensor seen around `axis` as (outer, n, inner).
    func split(at axis: Int) -> AxisSplit { axisSplit(shape, at: axis) }

    /// The result shape of a reduction along `axis`.
    func reducedShape(_ axis: Int, keepDims: Bool) -> [Int] {
        var reduced = shape
        if keepDims { reduced[axis] = 1 } else { reduced.remove(at: axis) }
        return reduced
    }

    /// The sum of all elements, a 0-d tensor. d/dx = 1 everywhere.
    public func sum() -> Tensor {
        Tensor.result(shape: [], scalars: [sumScalars(storage)], gradFn: "SumBackward0", inputs: [self]) { g in
            [g.expanded(toShape: self.shape)]
        }
    }

    /// Sums along `axis` (negative counts from the end), dropping it unless `keepDims`.
    /// Shape (…, n, …) → (…, …) or (…, 1, …). d/dx = 1 along the axis.
    public func sum(axis: Int, keepDims: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis, "sum(axis:)")
        let kept = reducedShape(axis, keepDims: true)
        return Tensor.result(shape: reducedShape(axis, keepDims: keepDims), scalars: sumAlongAxis(storage, split(at: axis)),
                             gradFn: "SumBackward1", inputs: [self]) { g in
            [g.reshaped(to: kept).expanded(toShape: self.shape)]
        }
    }

    /// The mean of all elements, a 0-d tensor. d/dx = 1/count.
    public func mean() -> Tensor {
        let n = Float(count)
        return Tensor.result(shape: [], scalars: [sumScalars(storage) / n], gradFn: "MeanBackward0", inputs: [self]) { g in
            [(g / n).expanded(toShape: self.shape)]
        }
    }

    /// The mean along `axis`, dropping it unless `keepDims`. d/dx = 1/n along the axis.
    public func mean(axis: Int, keepDims: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis, "mean(axis:)")
        let n = Float(shape[axis])
        let kept = reducedShape(axis, keepDims: true)
        let means = mapScalars(sumAlongAxis(storage, split(at: axis))) { $0 / n }
        return Tensor.result(shape: reducedShape(axis, keepDims: keepDims), scalars: means,
                             gradFn: "MeanBackward1", inputs: [self]) { g in
            [(g / n).reshaped(to: kept).expanded(toShape: self.shape)]
        }
    }

    /// The largest element, a 0-d tensor. The gradient is shared evenly by
    /// the elements equal to the maximum, as PyTorch does.
    public func max() -> Tensor {
        require(count > 0, "max(): the tensor is empty (shape \(shape))")
        let largest = storage.reduce(-Float.infinity) { Swift.max($0, $1) }
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
        let layout = split(at: axis)
        require(layout.n > 0, "max(axis:): axis \(axis) of shape \(shape) is empty")
        let (values, indices) = maxAlongAxis(storage, layout)
        return Tensor.result(shape: reducedShape(axis, keepDims: keepDims), scalars: values,
                             gradFn: "MaxBackward0", inputs: [self]) { g in
            [Tensor(shape: self.shape, scalars: scatterAlongAxis(g.storage, indices: indices, layout))]
        }
    }
}
