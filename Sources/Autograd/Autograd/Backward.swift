extension Tensor {
    /// Computes the gradient of this one-element tensor with respect to every leaf
    /// that requires grad, and adds it to that leaf's `grad` (gradients accumulate
    /// across calls and when a value is used more than once, as in PyTorch).
    ///
    /// One topological sort of the graph, then one loop over it in reverse:
    /// each node turns its gradient into its inputs' gradients with the local
    /// derivative recorded beside its forward computation.
    public func backward() {
        require(count == 1, "backward() needs a one-element tensor, got shape \(shape); reduce it first, e.g. with sum() or mean()")
        require(requiresGrad, "backward(): this tensor does not require grad; create its inputs with requiresGrad: true")
        let order = topologicalOrder()
        var grads: [ObjectIdentifier: Tensor] = [ObjectIdentifier(node): Tensor.ones(shape: shape)]
        noGrad {
            for node in order.reversed() {
                guard let grad = grads.removeValue(forKey: ObjectIdentifier(node)) else { continue }
                guard let local = node.backward else {
                    // A leaf. Its own node (sharing the scalars copy-on-write), so an
                    // in-place update of one leaf's grad never reaches another's.
                    if var total = node.grad {
                        node.grad = nil  // `total` alone holds the old gradient now (unless a copy was kept)
                        total.accumulate(grad)
                        node.grad = total
                    } else {
                        node.grad = grad.detached()
                    }
                    continue
                }
                for (input, inputGrad) in zip(node.inputs, local(grad)) {
                    guard input.requiresGrad, let inputGrad else { continue }
                    // The one place broadcasting is undone.
                    let g = inputGrad.summed(toShape: input.shape)
                    let key = ObjectIdentifier(input.node)
                    if var total = grads.removeValue(forKey: key) {
                        total.accumulate(g)
                        grads[key] = total
                    } else {
                        grads[key] = g
                    }
                }
            }
        }
    }

    /// `self = self + other` for a gradient that receives another contribution (a value used
    /// twice, a second backward pass). Added in this tensor's own buffer, without allocating,
    /// when nothing else holds it; a buffer that a kept copy shares is copied first
    /// (copy-on-write), so a gradient read before keeps its values. The plain `self + other`
    /// is the reference it is tested against.
    mutating func accumulate(_ other: Tensor) {
        if isLeaf && shape == other.shape {
            addInPlace(other)
        } else {
            self = self + other
        }
    }

    /// Every node this tensor depends on (that requires grad), each after all of
    /// its inputs. Iterative depth-first search, so long chains cannot overflow the stack.
    func topologicalOrder() -> [TensorNode] {
        var order: [TensorNode] = []
        var visited: Set<ObjectIdentifier> = [ObjectIdentifier(node)]
        var stack: [(node: TensorNode, nextInput: Int)] = [(node, 0)]
        while let (current, next) = stack.last {
            if next < current.inputs.count {
                stack[stack.count - 1].nextInput += 1
                let input = current.inputs[next].node
                if input.requiresGrad, visited.insert(ObjectIdentifier(input)).inserted {
                    stack.append((input, 0))
                }
            } else {
                order.append(current)
                stack.removeLast()
            }
        }
        return order
    }
}
