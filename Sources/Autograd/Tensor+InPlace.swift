// Changing a leaf's values in place. Every change writes the `storage` array, which
// copies itself first while another holder shares it (a copy of the tensor, or a graph
// that saved it for its backward pass): the other holders keep their values, and the
// tensor keeps its identity (`requiresGrad`, `grad`, its place in graphs already built).

extension Tensor {
    /// Stops unless this tensor is a leaf: only a leaf's values can change in place. A
    /// recorded result's values are part of its graph; rebind it instead (`x = x + y`).
    func requireLeaf(_ operation: @autoclosure () -> String) {
        require(isLeaf, "\(operation()): only a leaf tensor can be changed in place, got the result of \(gradFn ?? "an operation"); rebind it instead (x = x + y)")
    }

    /// Runs `body` on this leaf's scalars for writing: with `replaceScalars`, the one
    /// place where values change in place. `Array` copies the scalars first when another
    /// holder (a copy of this tensor, a graph that saved it) shares them, so only this
    /// variable sees the change; a tensor nothing else holds is changed where it lies.
    mutating func withMutableScalars<Result>(_ operation: @autoclosure () -> String,
                                             _ body: (inout UnsafeMutableBufferPointer<Float>) -> Result) -> Result {
        requireLeaf(operation())
        return storage.withUnsafeMutableBufferPointer { body(&$0) }
    }

    /// Adds `alpha * other` to this leaf's values in place, without recording a graph, as
    /// PyTorch's `p.data.add_(other, alpha=alpha)`; `requiresGrad` and `grad` are kept.
    /// Other copies of this tensor keep their values. `other` must have this tensor's shape.
    ///
    /// ```swift
    /// var p = Tensor([1, 2])
    /// let before = p
    /// p.addInPlace(Tensor([10, 10]), alpha: -0.5)   // p: [-4, -3]; before: still [1, 2]
    /// ```
    public mutating func addInPlace(_ other: Tensor, alpha: Float = 1) {
        require(other.shape == shape, "addInPlace: shapes \(shape) and \(other.shape) must be equal")
        other.storage.withUnsafeBufferPointer { source in
            withMutableScalars("addInPlace") { target in
                // target is (n), source is (n): target += alpha * source
                guard let x = source.baseAddress, let y = target.baseAddress else { return }
                BLAS.saxpy(n: target.count, alpha: alpha, x: x, y: y)
            }
        }
    }

    /// Multiplies this leaf's values by `factor` in place, without recording a graph
    /// (PyTorch's `t.data.mul_(factor)`); other copies keep their values.
    public mutating func multiplyInPlace(by factor: Float) {
        withMutableScalars("multiplyInPlace") { target in
            for i in 0..<target.count { target[i] *= factor }
        }
    }

    /// Replaces this leaf's values by `source`'s, broadcast to this tensor's shape, without
    /// recording a graph (PyTorch's `t.data.copy_(source)`): the shape, `requiresGrad` and
    /// `grad` stay; no gradient flows from `source`. Other copies keep their values.
    public mutating func copy(from source: Tensor) {
        let values = source.shape == shape ? source.storage
            : expandScalars(source.storage, source.shape, to: shapeOrStop(broadcasting: source))
        replaceScalars(with: values, "copy(from:)")
    }

    /// Makes `scalars` (of this tensor's count) this leaf's values, keeping `requiresGrad`
    /// and `grad`. The array is shared, not copied (Swift copies it on a later write).
    mutating func replaceScalars(with scalars: [Float], _ operation: @autoclosure () -> String) {
        require(scalars.count == count, "\(operation()): \(scalars.count) values for a tensor of shape \(shape)")
        requireLeaf(operation())
        storage = scalars
    }

    /// This shape, after checking that `source` broadcasts to it.
    func shapeOrStop(broadcasting source: Tensor) -> [Int] {
        let joint = broadcastShapeOrStop(shape, source.shape, "copy(from:)")
        require(joint == shape, "copy(from:): a tensor of shape \(source.shape) does not broadcast to shape \(shape)")
        return shape
    }
}
