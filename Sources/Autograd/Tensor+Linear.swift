/// The affine map of a linear layer: y = x·Wᵀ + b, with the weight stored as
/// PyTorch stores it.
///
/// x: (…, in) (any number of leading axes, folded into rows); weight: (out, in);
/// bias: (out) or nil; y: (…, out). One BLAS call with the transpose as a
/// flag; the bias is written into the output first and accumulated into.
/// Local derivatives: dX = G·W, dW = Gᵀ·X, db = Σ_rows G.
public func linear(_ x: Tensor, _ weight: Tensor, _ bias: Tensor? = nil) -> Tensor {
    require(weight.rank == 2, "linear: weight must be 2-D (out, in), got shape \(weight.shape)")
    let (outFeatures, inFeatures) = (weight.shape[0], weight.shape[1])
    require(x.rank >= 1 && x.shape[x.rank - 1] == inFeatures,
                 "linear: input shape \(x.shape) does not end in \(inFeatures), the in-size of weight \(weight.shape)")
    if let bias {
        require(bias.shape == [outFeatures], "linear: bias shape \(bias.shape) must be [\(outFeatures)] for weight \(weight.shape)")
    }
    let rows = x.count / Swift.max(inFeatures, 1)
    let total = rows * outFeatures
    let out = [Float](unsafeUninitializedCapacity: total) { y, initialized in
        let y = y.baseAddress!
        if let bias {
            bias.storage.withUnsafeBufferPointer { b in
                for r in 0..<rows { (y + r * outFeatures).update(from: b.baseAddress!, count: outFeatures) }
            }
        }
        x.storage.withUnsafeBufferPointer { px in
            weight.storage.withUnsafeBufferPointer { pw in
                // y (rows, out) = x (rows, in) · Wᵀ (in, out) [+ y]
                BLAS.sgemm(transposeA: false, transposeB: true, m: rows, n: outFeatures, k: inFeatures, alpha: 1,
                           a: px.baseAddress!, lda: inFeatures, b: pw.baseAddress!, ldb: inFeatures,
                           beta: bias == nil ? 0 : 1, c: y, ldc: outFeatures)
            }
        }
        initialized = total
    }
    let shape = Array(x.shape.dropLast()) + [outFeatures]
    // The names torch 2.13's F.linear leaves: addmm for 2-D input with bias,
    // a flattened addmm and a view for other ranks with bias, else matmul's.
    let gradFn = switch (x.rank, bias != nil) {
    case (2, true): "AddmmBackward0"
    case (_, true): "ViewBackward0"
    case (2, false): "MmBackward0"
    case (1, false): "SqueezeBackward4"
    default: "UnsafeViewBackward0"
    }
    let inputs = bias.map { [x, weight, $0] } ?? [x, weight]
    return Tensor.result(shape: shape, scalars: out, gradFn: gradFn, inputs: inputs) { g in
        let g2 = Tensor(shape: [rows, outFeatures], scalars: g.storage)
        let x2 = Tensor(shape: [rows, inFeatures], scalars: x.storage)
        // dX (rows, in) = G (rows, out) · W (out, in)
        let gradX = x.requiresGrad ? batchedMatmul(g2, weight).reshaped(to: x.shape) : nil
        // dW (out, in) = Gᵀ (out, rows) · X (rows, in)
        let gradW = weight.requiresGrad ? batchedMatmul(g2, x2, transposeA: true) : nil
        guard let bias else { return [gradX, gradW] }
        return [gradX, gradW, bias.requiresGrad ? columnSums(g2) : nil]
    }
}

/// Σ over rows of a (rows, n) matrix → (n), the bias gradient.
func columnSums(_ matrix: Tensor) -> Tensor {
    let (rows, n) = (matrix.shape[0], matrix.shape[1])
    let sums = [Float](unsafeUninitializedCapacity: n) { out, initialized in
        matrix.storage.withUnsafeBufferPointer { m in
            if let a = m.baseAddress, let out = out.baseAddress {
                BLAS.columnSums(rows: rows, n: n, a: a, out: out)
            } else {
                out.initialize(repeating: 0)  // no rows (or no columns): the sums are 0
            }
        }
        initialized = n
    }
    return Tensor(shape: [n], scalars: sums)
}
