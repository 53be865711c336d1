extension Tensor: CustomStringConvertible {
    /// The tensor exactly as PyTorch prints it: `tensor([-2., -1.,  0.,  1.,  2.])`, four
    /// decimals or scientific notation as PyTorch chooses, wrapped at 80 columns, summarised
    /// with `...` above 1000 elements, then `requires_grad=True` for a leaf that requires grad
    /// or `grad_fn=<MmBackward0>` for the result of a differentiable operation.
    public var description: String {
        var suffixes: [String] = []
        if let gradFn { suffixes.append("grad_fn=<\(gradFn)>") } else if requiresGrad { suffixes.append("requires_grad=True") }
        return formatTensor(shape: shape, scalars: scalars, suffixes: suffixes)
    }
}
