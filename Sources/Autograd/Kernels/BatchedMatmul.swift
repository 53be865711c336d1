/// The message for operands whose inner sizes differ, naming shapes and axes.
func matmulAlignmentMessage(_ lhs: [Int], _ rhs: [Int]) -> String? {
    guard !lhs.isEmpty, !rhs.isEmpty else {
        return "matmul: both arguments need at least 1 dimension, got shapes \(lhs) and \(rhs)"
    }
    let lhsAxis = lhs.count - 1, rhsAxis = rhs.count == 1 ? 0 : rhs.count - 2
    guard lhs[lhsAxis] != rhs[rhsAxis] else { return nil }
    return "matmul: shapes \(lhs) and \(rhs) are not aligned: \(lhs[lhsAxis]) (dim \(lhsAxis)) != \(rhs[rhsAxis]) (dim \(rhsAxis))"
}

/// op(A) · op(B) for stacks of row-major matrices whose batch axes broadcast.
/// a: (batch…, m, k), or (batch…, k, m) when `transposeA`;
/// b: (batch…, k, n), or (batch…, n, k) when `transposeB`;
/// result: (broadcast batch…, m, n). Transposes are passed to BLAS as flags,
/// never materialised; when b is a single matrix, a's batch folds into one product.
func batchedMatmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
    let ra = a.rank, rb = b.rank
    require(ra >= 2 && rb >= 2, "batchedMatmul: operands need rank >= 2, got \(a.shape) and \(b.shape)")
    let (m, k) = transposeA ? (a.shape[ra - 1], a.shape[ra - 2]) : (a.shape[ra - 2], a.shape[ra - 1])
    let (kb, n) = transposeB ? (b.shape[rb - 1], b.shape[rb - 2]) : (b.shape[rb - 2], b.shape[rb - 1])
    require(k == kb, matmulAlignmentMessage(a.shape, b.shape) ?? "matmul: inner sizes \(k) and \(kb) differ")
    let aBatch = Array(a.shape.dropLast(2)), bBatch = Array(b.shape.dropLast(2))
    let batch = broadcastShapeOrStop(aBatch, bBatch, "matmul (batch axes)")
    let batchCount = batch.reduce(1, *)
    let (lda, ldb) = (a.shape[ra - 1], b.shape[rb - 1])
    let total = batchCount * m * n
    let out = [Float](unsafeUninitializedCapacity: total) { c, initialized in
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                let c = c.baseAddress!, pa = pa.baseAddress!, pb = pb.baseAddress!
                if bBatch.reduce(1, *) == 1 && aBatch == batch && !transposeA {
                    // (batch·m, k) · (k, n): one product for the whole stack.
                    BLAS.sgemm(transposeA: false, transposeB: transposeB, m: batchCount * m, n: n, k: k, alpha: 1,
                               a: pa, lda: lda, b: pb, ldb: ldb, beta: 0, c: c, ldc: n)
                } else {
                    let aStrides = broadcastStrides(aBatch, toRank: batch.count)
                    let bStrides = broadcastStrides(bBatch, toRank: batch.count)
                    for index in 0..<batchCount {
                        var rest = index, aOffset = 0, bOffset = 0
                        for axis in stride(from: batch.count - 1, through: 0, by: -1) {
                            let i = rest % batch[axis]
                            rest /= batch[axis]
                            aOffset += i * aStrides[axis]
                            bOffset += i * bStrides[axis]
                        }
                        BLAS.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 1,
                                   a: pa + aOffset * m * k, lda: lda, b: pb + bOffset * k * n, ldb: ldb,
                                   beta: 0, c: c + index * m * n, ldc: n)
                    }
                }
            }
        }
        initialized = total
    }
    return Tensor(shape: batch + [m, n], scalars: out)
}

extension NaiveKernels {
    /// The same contract as `batchedMatmul`: each matrix of the broadcast batch by the
    /// textbook triple loop, its operands found from its batch index.
    static func batchedMatmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
        let ra = a.rank, rb = b.rank
        let (m, k) = transposeA ? (a.shape[ra - 1], a.shape[ra - 2]) : (a.shape[ra - 2], a.shape[ra - 1])
        let n = transposeB ? b.shape[rb - 2] : b.shape[rb - 1]
        let aBatch = Array(a.shape.dropLast(2)), bBatch = Array(b.shape.dropLast(2))
        let batch = broadcastShapeOrStop(aBatch, bBatch, "matmul (batch axes)")
        let aStrides = broadcastStrides(aBatch, toRank: batch.count)
        let bStrides = broadcastStrides(bBatch, toRank: batch.count)
        let x = a.storage, y = b.storage
        var out: [Float] = []
        for index in 0..<batch.reduce(1, *) {
            let aStart = offset(of: index, in: batch, strides: aStrides) * m * k
            let bStart = offset(of: index, in: batch, strides: bStrides) * k * n
            for i in 0..<m {
                for j in 0..<n {
                    var sum: Float = 0
                    for p in 0..<k {
                        let aip = transposeA ? x[aStart + p * m + i] : x[aStart + i * k + p]  // op(A)[i, p]
                        let bpj = transposeB ? y[bStart + j * k + p] : y[bStart + p * n + j]  // op(B)[p, j]
                        sum += aip * bpj
                    }
                    out.append(sum)
                }
            }
        }
        return Tensor(shape: batch + [m, n], scalars: out)
    }
}
