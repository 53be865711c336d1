// The affine map of a linear layer on raw rows, and the column sums of its bias gradient.

/// y (rows, out) = x (rows, in) · Wᵀ (in, out) + b, with W (out, in) stored as PyTorch
/// stores it and b (out) or nil. The bias is written into y first and one BLAS product
/// accumulates into it, with the transpose passed as a flag. `NaiveKernels.linear` is
/// the reference.
func linearScalars(_ x: [Float], weight: [Float], bias: [Float]?, rows: Int, inFeatures: Int, outFeatures: Int) -> [Float] {
    let total = rows * outFeatures
    guard total > 0 else { return [] }
    return [Float](unsafeUninitializedCapacity: total) { y, initialized in
        let y = y.baseAddress!
        if let bias {
            bias.withUnsafeBufferPointer { b in
                for r in 0..<rows { (y + r * outFeatures).update(from: b.baseAddress!, count: outFeatures) }
            }
        } else if inFeatures == 0 {
            y.initialize(repeating: 0, count: total)  // an empty sum
        }
        if inFeatures > 0 {
            x.withUnsafeBufferPointer { px in
                weight.withUnsafeBufferPointer { pw in
                    BLAS.sgemm(transposeA: false, transposeB: true, m: rows, n: outFeatures, k: inFeatures, alpha: 1,
                               a: px.baseAddress!, lda: inFeatures, b: pw.baseAddress!, ldb: inFeatures,
                               beta: bias == nil ? 0 : 1, c: y, ldc: outFeatures)
                }
            }
        }
        initialized = total
    }
}

/// Σ over the rows of m (rows, n) → (n): the bias gradient of a linear layer.
func columnSumScalars(_ m: [Float], rows: Int, n: Int) -> [Float] {
    [Float](unsafeUninitializedCapacity: n) { out, initialized in
        m.withUnsafeBufferPointer { m in
            if let a = m.baseAddress, let out = out.baseAddress, rows * n > 0 {
                BLAS.columnSums(rows: rows, n: n, a: a, out: out)
            } else {
                out.initialize(repeating: 0)  // no rows (or no columns): the sums are 0
            }
        }
        initialized = n
    }
}

extension NaiveKernels {
    /// The same contract as `linearScalars`: each output element as a dot product plus bias.
    static func linear(_ x: [Float], weight: [Float], bias: [Float]?, rows: Int, inFeatures: Int, outFeatures: Int) -> [Float] {
        var y: [Float] = []
        for r in 0..<rows {
            for j in 0..<outFeatures {
                var sum: Float = 0
                for p in 0..<inFeatures { sum += x[r * inFeatures + p] * weight[j * inFeatures + p] }
                y.append(sum + (bias?[j] ?? 0))
            }
        }
        return y
    }
}
