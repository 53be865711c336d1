extension Tensor: CustomStringConvertible {
    /// The tensor as PyTorch prints it.
    public var description: String {
        var text = "tensor(\(shape.isEmpty ? "\(scalars[0])" : "\(scalars)"), shape: \(shape)"
        if let gradFn { text += ", grad_fn=<\(gradFn)>" } else if requiresGrad { text += ", requires_grad=True" }
        return text + ")"
    }
}
