extension Tensor: CustomStringConvertible {
    /// The tensor exactly as PyTorch prints it: `tensor([-2., -1.,  0.,  1.,  2.])`, four
    /// decimals or scientific notation as PyTorch chooses, wrapped at 80 columns, summarised
    /// with `...` above 1000 elements, then `requires_grad=True` for a leaf that requires grad
    /// or `grad_fn=<MmBackward0>` for the result of a differentiable operation.
    public var description: String {
        formatTensor(shape: shape, scalars: scalars, suffixes: printSuffixes)
    }

    /// `_str_intern`'s autograd suffix: a recorded result names its backward function;
    /// otherwise a leaf that requires grad says so; a plain tensor has none.
    var printSuffixes: [String] {
        if !isLeaf, let gradFn { return ["grad_fn=<\(gradFn)>"] }
        if requiresGrad { return ["requires_grad=True"] }
        return []
    }
}
