/// An n-dimensional array of `Float` that records how it was computed, so that
/// `backward()` can compute gradients (reverse-mode automatic differentiation).
///
/// `Tensor` is a value: operations never change their operands, they return new
/// tensors, and an in-place change (`addInPlace`, `copy(from:)`, element assignment,
/// compound assignment) changes only the variable it is made through: every other
/// copy keeps its values (copy-on-write, as Swift's `Array` does). Scalars are stored
/// contiguously in row-major order (the last axis varies fastest), as PyTorch stores
/// a contiguous tensor.
///
/// Values and identity are kept apart. The values live in a Swift array, which copies
/// itself on the first write while another holder shares it. The identity, a graph node
/// that holds `requiresGrad`, the gradient and how the tensor was computed, is shared by
/// copies and survives in-place changes, as in PyTorch: a parameter updated in place
/// still receives the gradients of graphs built before the update, while those graphs
/// keep the values they were built with.
///
/// ```swift
/// let v = Tensor([1, 2, 3], requiresGrad: true)
/// let loss = (v * v).sum()
/// loss.backward()
/// v.grad   // tensor([2., 4., 6.])
/// ```
public struct Tensor {
    /// The identity in the graph: shape, `requiresGrad`, the gradient and, for computed
    /// tensors, how to send gradients back to the inputs. Copies of a `Tensor` share it.
    var node: TensorNode

    /// The elements in row-major order. Changed only by in-place operations on a leaf
    /// (`withMutableScalars`, `replaceScalars`); `Array` copies it first if it is shared.
    var storage: [Float]

    init(node: TensorNode, storage: [Float]) {
        self.node = node
        self.storage = storage
    }

    /// The size of every axis, outermost first; `[]` for a 0-d (scalar) tensor.
    public var shape: [Int] { node.shape }

    /// The number of axes.
    public var rank: Int { node.shape.count }

    /// The number of elements (the product of `shape`).
    public var count: Int { storage.count }

    /// All elements in row-major order.
    public var scalars: [Float] { storage }

    /// Whether gradients flow to this tensor: true for a leaf created with
    /// `requiresGrad: true` and for every result computed from such a tensor
    /// outside `noGrad { }`.
    public var requiresGrad: Bool { node.requiresGrad }

    /// PyTorch's name of the operation that produced this tensor (e.g.
    /// `"AddBackward0"`), or `nil` for a leaf or a result computed without a graph.
    public var gradFn: String? { node.gradFn }

    /// True for a tensor that no recorded operation produced (user-created or detached).
    public var isLeaf: Bool { node.backward == nil }

    /// The gradient accumulated by `backward()` on a leaf that requires grad
    /// (same shape as the leaf); `nil` before any backward pass and for non-leaves,
    /// as in PyTorch. Setting it to `nil` clears it (what `zeroGrad()` does).
    public var grad: Tensor? {
        get { node.grad }
        nonmutating set { node.grad = newValue }
    }

    /// The single value of a one-element tensor.
    public func item() -> Float {
        require(count == 1, "item() needs a one-element tensor, got shape \(shape) with \(count) elements")
        return storage[0]
    }

    /// A leaf with the same values that is cut off from the graph and does not require grad.
    public func detached() -> Tensor {
        Tensor(shape: shape, scalars: scalars)
    }

    /// A new leaf with the same values whose `requiresGrad` is `flag`
    /// (PyTorch's `x.detach().requires_grad_(flag)`).
    public func requiringGrad(_ flag: Bool = true) -> Tensor {
        Tensor(shape: shape, scalars: scalars, requiresGrad: flag)
    }
}

/// The shared, reference-typed part of a `Tensor`: its identity in the graph.
final class TensorNode {
    let shape: [Int]
    let requiresGrad: Bool
    /// Set on leaves that require grad by `backward()`.
    var grad: Tensor?
    let gradFn: String?
    /// The operands this value was computed from (empty for a leaf).
    let inputs: [Tensor]
    /// The local derivative: maps the gradient of this value to one gradient per
    /// input (`nil` where an input needs none). A returned gradient may have the
    /// broadcast shape; `backward()` sums it back to the input's shape.
    let backward: ((Tensor) -> [Tensor?])?

    init(shape: [Int], requiresGrad: Bool,
         gradFn: String? = nil, inputs: [Tensor] = [], backward: ((Tensor) -> [Tensor?])? = nil) {
        self.shape = shape
        self.requiresGrad = requiresGrad
        self.gradFn = gradFn
        self.inputs = inputs
        self.backward = backward
    }
}

extension Tensor {
    /// The result of a differentiable operation. The graph edge (inputs and the
    /// local derivative `backward`) is kept only when grad mode is on and some
    /// input requires grad; otherwise the result is a plain leaf.
    static func result(shape: [Int], scalars: [Float], gradFn: String, inputs: [Tensor],
                       backward: @escaping (Tensor) -> [Tensor?]) -> Tensor {
        var needsGraph = false
        for input in inputs where input.node.requiresGrad { needsGraph = true; break }
        guard needsGraph, GradMode.isEnabled else {
            return Tensor(node: TensorNode(shape: shape, requiresGrad: false), storage: scalars)
        }
        return Tensor(node: TensorNode(shape: shape, requiresGrad: true,
                                       gradFn: gradFn, inputs: inputs, backward: backward), storage: scalars)
    }

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
                for i in 0..<target.count { target[i] += alpha * source[i] }
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
            : broadcastScalars(source.storage, source.shape, [0], [], to: shapeOrStop(broadcasting: source)) { a, _ in a }
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
