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
        _ = HeapPolicy.applied  // once per process: keep freed buffers for the next step (see there)
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
}
