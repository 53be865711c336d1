/// The affine map of a linear layer: y = x·Wᵀ + b, with the weight stored as
/// PyTorch stores it.
///
/// x: (…, in) (any number of leading axes, folded into rows); weight: (out, in);
/// bias: (out) or nil; y: (…, out). One BLAS call with the transpose as a
/// flag (`linearScalars`). Local derivatives: dX = G·W, dW = Gᵀ·X, db = Σ_rows G.
public func linear(_ x: Tensor, _ weight: Tensor, _ bias: Tensor? = nil) -> Tensor {
    require(weight.rank == 2, "linear: weight must be 2-D (out, in), got shape \(weight.shape)")
    let (outFeatures, inFeatures) = (weight.shape[0], weight.shape[1])
    require(x.rank >= 1 && x.shape[x.rank - 1] == inFeatures,
                 "linear: input shape \(x.shape) does not end in \(inFeatures), the in-size of weight \(weight.shape)")
    if let bias {
        require(bias.shape == [outFeatures], "linear: bias shape \(bias.shape) must be [\(outFeatures)] for weight \(weight.shape)")
    }
    let rows = x.count / Swift.max(inFeatures, 1)
    let y = linearScalars(x.storage, weight: weight.storage, bias: bias?.storage,
                          rows: rows, inFeatures: inFeatures, outFeatures: outFeatures)
    let shape = Array(x.shape.dropLast()) + [outFeatures]
    let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
    return Tensor.result(shape: shape, scalars: y, gradFn: GradFnName.linear(inputRank: x.rank, hasBias: bias != nil),
                         inputs: inputs) { g in
        let g2 = Tensor(shape: [rows, outFeatures], scalars: g.storage)
        let x2 = Tensor(shape: [rows, inFeatures], scalars: x.storage)
        // dX (rows, in) = G (rows, out) · W (out, in)
        let gradX = x.requiresGrad ? batchedMatmul(g2, weight).reshaped(to: x.shape) : nil
        // dW (out, in) = Gᵀ (out, rows) · X (rows, in)
        let gradW = weight.requiresGrad ? batchedMatmul(g2, x2, transposeA: true) : nil
        guard let bias else { return [gradX, gradW] }
        // db (out) = Σ over rows of G (rows, out)
        let gradB = bias.requiresGrad ? columnSumScalars(g.storage, rows: rows, n: outFeatures) : nil
        return [gradX, gradW, gradB.map { Tensor(shape: [outFeatures], scalars: $0) }]
    }
}
