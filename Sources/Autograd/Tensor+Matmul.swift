// Matrix products with torch.matmul's rules: a 1-D operand is a row (left)
// or column (right) vector whose added axis is removed from the result;
// operands of rank > 2 are stacks of matrices with broadcast batch axes.

extension Tensor {
    /// The matrix product, as `torch.matmul`:
    /// (k)·(k) → () dot; (m, k)·(k) → (m); (k)·(k, n) → (n); (m, k)·(k, n) → (m, n);
    /// (batch…, m, k)·(batch…, k, n) → (broadcast batch…, m, n).
    /// Local derivatives: dA = G·Bᵀ, dB = Aᵀ·G (computed by BLAS with transpose flags).
    public func matmul(_ other: Tensor) -> Tensor {
        if let message = matmulAlignmentMessage(shape, other.shape) { fatalError(message) }
        let a = self.asMatrixStack(vectorAs: .row), b = other.asMatrixStack(vectorAs: .column)
        let product = batchedMatmul(a, b)
        var resultShape = Array(product.shape.dropLast(2))
        if rank > 1 { resultShape.append(product.shape[product.rank - 2]) }
        if other.rank > 1 { resultShape.append(product.shape[product.rank - 1]) }
        return Tensor.result(shape: resultShape, scalars: product.storage,
                             gradFn: GradFnName.matmul(lhsRank: rank, rhsRank: other.rank), inputs: [self, other]) { g in
            let g = g.reshaped(to: product.shape)
            // Gradients at the promoted (batch…, m, k) / (batch…, k, n) shapes, with the
            // vector's added axis removed; backward() sums away broadcast batch axes.
            let gradA = self.requiresGrad
                ? batchedMatmul(g, b, transposeB: true).droppingVectorAxis(self.rank == 1, at: -2) : nil
            let gradB = other.requiresGrad
                ? batchedMatmul(a, g, transposeA: true).droppingVectorAxis(other.rank == 1, at: -1) : nil
            return [gradA, gradB]
        }
    }

    enum VectorRole { case row, column }

    /// This tensor as a matrix or stack of matrices, without recording a graph:
    /// a 1-D tensor becomes (1, k) as a row or (k, 1) as a column.
    func asMatrixStack(vectorAs role: VectorRole) -> Tensor {
        guard rank == 1 else { return self }
        return Tensor(shape: role == .row ? [1, count] : [count, 1], scalars: storage)
    }

    /// Removes the size-1 axis a vector operand was given, if `isVector`.
    func droppingVectorAxis(_ isVector: Bool, at axis: Int) -> Tensor {
        guard isVector else { return self }
        var newShape = shape
        newShape.remove(at: rank + axis)
        return Tensor(shape: newShape, scalars: storage)
    }
}

/// The matrix product `a.matmul(b)`, with torch.matmul's rules for 1-D and batched operands.
public func matmul(_ a: Tensor, _ b: Tensor) -> Tensor { a.matmul(b) }
