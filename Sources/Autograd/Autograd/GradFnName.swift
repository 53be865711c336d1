/// The names PyTorch (2.13) gives the backward functions of the operations whose name
/// depends on their operands' ranks. Every other operation names its backward function
/// where it builds its graph node (`gradFn: "AddBackward0"`); printing shows the name as
/// `grad_fn=<MmBackward0>`, so readers of PyTorch's outputs recognise every line.
enum GradFnName {
    /// torch.matmul's: dot, matrix-vector and matrix-matrix products have their own
    /// functions; a vector on the left is a row that is squeezed away afterwards; a matrix
    /// times a stack is folded through transposes and a copy; other stacks end in a view.
    static func matmul(lhsRank: Int, rhsRank: Int) -> String {
        switch (lhsRank, rhsRank) {
        case (1, 1): "DotBackward0"
        case (2, 1): "MvBackward0"
        case (1, 2): "SqueezeBackward4"
        case (2, 2): "MmBackward0"
        case (2, _): "CloneBackward0"
        default: "UnsafeViewBackward0"
        }
    }

    /// F.linear's: with a bias, addmm for a 2-D input, or a flattened addmm and a view
    /// for other ranks; without one, the product x·Wᵀ, named as matmul names it.
    static func linear(inputRank: Int, hasBias: Bool) -> String {
        guard hasBias else { return matmul(lhsRank: inputRank, rhsRank: 2) }
        return inputRank == 2 ? "AddmmBackward0" : "ViewBackward0"
    }

    /// `transposed()`'s: PyTorch's `t()` of a matrix, or `transpose(-2, -1)` of a stack.
    static func matrixTranspose(rank: Int) -> String {
        rank == 2 ? "TBackward0" : "TransposeBackward0"
    }
}
