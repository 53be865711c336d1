// Reading and writing by position: `w[0]` is the first row, `w[0, 1]` one element.
// Writing changes only this variable (copy-on-write); when the graph must see the
// write (the tensor is a recorded result, or the new value requires grad), the
// variable is rebound to a recorded result, PyTorch's `CopySlices`.

extension Tensor {
    /// The sub-tensor at `indices`, one index per leading axis, which are dropped:
    /// `w[0]` is the first row of a matrix, `w[0, 1]` a 0-d tensor holding one element
    /// (PyTorch's `w[0]`, `w[0, 1]`). Negative indices count from the end. Reading is
    /// recorded as `SelectBackward0`.
    ///
    /// Assigning writes the value, broadcast to the selected shape, into this tensor
    /// only: `w[0] = Tensor([1, 2, 3])` sets the first row; other copies of `w` keep
    /// their values. A leaf stays a leaf with its `requiresGrad` and `grad` (PyTorch's
    /// `w.data[0] = ...`); a recorded result, or a value that requires grad, makes the
    /// variable a recorded result (`CopySlices`), so gradients flow through the write.
    public subscript(indices: Int...) -> Tensor {
        get { selected(indices) }
        set { assign(newValue, at: indices) }
    }

    /// The element at `indices` as a number, and writing a number there: `w[0, 0] = 42`
    /// (PyTorch's `w[0, 0] = 42`). With fewer indices than axes, assigning fills the
    /// selected sub-tensor (`w[0] = 0` zeroes the first row) and reading needs a
    /// one-element selection. Reading without a type prefers the tensor subscript:
    /// `print(w[0, 0])` prints `tensor(...)`; `let x: Float = w[0, 0]` reads a number.
    @_disfavoredOverload
    public subscript(indices: Int...) -> Float {
        get {
            let (offset, shape) = location(of: indices)
            require(shape.reduce(1, *) == 1, "subscript: \(indices) selects shape \(shape), not one element; give an index for every axis")
            return storage[offset]
        }
        set { assign(Tensor(newValue), at: indices) }
    }

    /// The flat offset of the first selected element, and the shape of the selection.
    func location(of indices: [Int]) -> (offset: Int, shape: [Int]) {
        require(indices.count <= rank, "subscript: \(indices.count) indices for a tensor of rank \(rank) (shape \(shape))")
        var offset = 0
        for (axis, index) in indices.enumerated() {
            let n = shape[axis]
            require(index >= -n && index < n, "subscript: index \(index) is out of range for axis \(axis) of size \(n) (shape \(shape))")
            offset = offset * n + (index < 0 ? index + n : index)
        }
        let rest = Array(shape[indices.count...])
        return (offset * rest.reduce(1, *), rest)
    }

    /// The selection at `indices`, recorded as `SelectBackward0`; its gradient is
    /// written back in place into zeros of this shape.
    func selected(_ indices: [Int]) -> Tensor {
        require(rank >= 1 || indices.isEmpty, "subscript: a 0-d tensor cannot be indexed")
        let (offset, shape) = location(of: indices)
        let count = shape.reduce(1, *)
        let values = Array(storage[offset..<(offset + count)])
        guard !indices.isEmpty else { return self }
        return Tensor.result(shape: shape, scalars: values, gradFn: "SelectBackward0", inputs: [self]) { g in
            var out = [Float](repeating: 0, count: self.count)
            out.replaceSubrange(offset..<(offset + count), with: g.storage)
            return [Tensor(shape: self.shape, scalars: out)]
        }
    }

    /// Writes `value`, broadcast to the selection's shape, at `indices`.
    mutating func assign(_ value: Tensor, at indices: [Int]) {
        let (offset, shape) = location(of: indices)
        let count = shape.reduce(1, *)
        let joint = broadcastShapeOrStop(shape, value.shape, "subscript assignment")
        require(joint == shape, "subscript assignment: a value of shape \(value.shape) does not fit the selection of shape \(shape)")
        let values = value.shape == shape ? value.storage
            : expandScalars(value.storage, value.shape, to: shape)
        let range = offset..<(offset + count)
        if GradMode.isEnabled && (value.requiresGrad || (requiresGrad && !isLeaf)) {
            let old = self
            var scalars = storage
            scalars.replaceSubrange(range, with: values)
            self = Tensor.result(shape: old.shape, scalars: scalars, gradFn: "CopySlices", inputs: [old, value]) { g in
                var kept = g.storage
                kept.replaceSubrange(range, with: repeatElement(0, count: count))
                return [Tensor(shape: old.shape, scalars: kept),
                        Tensor(shape: shape, scalars: Array(g.storage[range]))]
            }
            return
        }
        if !isLeaf { self = detached() }   // inside noGrad { }: the write is not recorded
        withMutableScalars("subscript assignment") { target in
            values.withUnsafeBufferPointer { values in
                for i in 0..<count { target[offset + i] = values[i] }
            }
        }
    }
}
