/// One Jacobian entry where the analytic and numerical derivatives disagree.
public struct GradcheckMismatch: CustomStringConvertible {
    /// Which input (position in `inputs`), which of its elements, which output element.
    public let input: Int, inputElement: Int, outputElement: Int
    /// The derivative from `backward()`, and the one from central finite differences.
    public let analytic: Double, numerical: Double

    /// The entry and both derivatives, in one line.
    public var description: String {
        "d output[\(outputElement)] / d input \(input)[\(inputElement)]: backward() gives \(analytic), finite differences give \(numerical)"
    }
}

/// Compares the gradients `backward()` computes for `f` with central finite
/// differences, for every input that requires grad (every input if none do),
/// every element of it and every element of the output (the full Jacobian).
///
/// Numerical: J[o, i] ≈ (f(x + εeᵢ)[o] − f(x − εeᵢ)[o]) / (x⁺ᵢ − x⁻ᵢ), evaluated in
/// Float, differenced in Double, dividing by the perturbation actually stored.
/// Analytic: row o of J is the gradient of f(x)[o], one backward pass per output.
/// An entry passes when |analytic − numerical| ≤ atol + rtol·|numerical|.
public func gradcheckMismatches(_ inputs: [Tensor], eps: Float = 1e-3, atol: Float = 1e-2, rtol: Float = 1e-2,
                                _ f: ([Tensor]) -> Tensor) -> [GradcheckMismatch] {
    let checked = inputs.contains(where: \.requiresGrad) ? inputs.indices.filter { inputs[$0].requiresGrad }
                                                         : Array(inputs.indices)
    let leaves = inputs.enumerated().map { i, x in x.detached().requiringGrad(checked.contains(i)) }
    let output = f(leaves)
    let outputCount = output.count
    // Other leaves in the graph (a module's parameters) get gradients from the
    // backward passes below; put their gradients back as they were afterwards.
    let otherLeaves = output.requiresGrad ? output.topologicalOrder().filter { $0.backward == nil } : []
    let savedGrads = otherLeaves.map(\.grad)
    defer { for (leaf, grad) in zip(otherLeaves, savedGrads) { leaf.grad = grad } }
    var analytic: [[[Double]]] = checked.map { _ in [] }  // [checked input][output element][input element]
    for o in 0..<outputCount {
        for x in leaves { x.grad = nil }
        let out = f(leaves)
        var onehot = [Float](repeating: 0, count: outputCount)
        onehot[o] = 1
        if out.requiresGrad { (out * Tensor(shape: out.shape, scalars: onehot)).sum().backward() }
        for (slot, i) in checked.enumerated() {
            let grad = leaves[i].grad?.scalars ?? [Float](repeating: 0, count: leaves[i].count)
            analytic[slot].append(grad.map(Double.init))
        }
    }
    var mismatches: [GradcheckMismatch] = []
    for (slot, i) in checked.enumerated() {
        for element in 0..<inputs[i].count {
            func evaluate(_ delta: Float) -> (Float, [Float]) {
                var scalars = inputs[i].scalars
                scalars[element] += delta
                var shifted = inputs.map { $0.detached() }
                shifted[i] = Tensor(shape: inputs[i].shape, scalars: scalars)
                return (scalars[element], noGrad { f(shifted) }.scalars)
            }
            let (xPlus, fPlus) = evaluate(eps), (xMinus, fMinus) = evaluate(-eps)
            let step = Double(xPlus) - Double(xMinus)
            for o in 0..<outputCount {
                let numerical = (Double(fPlus[o]) - Double(fMinus[o])) / step
                let exact = analytic[slot][o][element]
                if Swift.abs(exact - numerical) > Double(atol) + Double(rtol) * Swift.abs(numerical) {
                    mismatches.append(GradcheckMismatch(input: i, inputElement: element, outputElement: o,
                                                        analytic: exact, numerical: numerical))
                }
            }
        }
    }
    return mismatches
}

/// True when `backward()` agrees with central finite differences on every
/// entry of the Jacobian of `f` (see `gradcheckMismatches` for the method and
/// a diagnosis of what disagrees). Like `torch.autograd.gradcheck`, but in Float.
public func gradcheck(_ inputs: [Tensor], eps: Float = 1e-3, atol: Float = 1e-2, rtol: Float = 1e-2,
                      _ f: ([Tensor]) -> Tensor) -> Bool {
    gradcheckMismatches(inputs, eps: eps, atol: atol, rtol: rtol, f).isEmpty
}
