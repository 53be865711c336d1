// Plain reference kernels, kept beside the fast ones (as llm.c keeps
// matmul_forward_naive) and tested against them (Tests/AutogradTests/KernelReferenceTests).
// This file holds the references of the BLAS seam; every other kernel file ends with the
// reference of its own kernels, in an extension of `NaiveKernels`. Nothing in the engine
// calls a reference outside the tests, except the BLAS seam for calls too short to pay
// for BLAS.

enum NaiveKernels {
    /// C = alpha · op(A) · op(B) + beta · C, row-major, with the same meaning
    /// of every argument as `BLAS.sgemm`: the textbook triple loop.
    static func sgemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                      a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                      beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        for i in 0..<m {
            for j in 0..<n {
                var sum: Float = 0
                for p in 0..<k {
                    let aip = transposeA ? a[p * lda + i] : a[i * lda + p]  // op(A)[i, p]
                    let bpj = transposeB ? b[j * ldb + p] : b[p * ldb + j]  // op(B)[p, j]
                    sum += aip * bpj
                }
                c[i * ldc + j] = alpha * sum + (beta == 0 ? 0 : beta * c[i * ldc + j])
            }
        }
    }

    /// y = alpha · x + y, element by element; x and y are (n). The same meaning as `BLAS.saxpy`.
    static func saxpy(n: Int, alpha: Float, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        for i in 0..<n { y[i] += alpha * x[i] }
    }

    /// out (n) = Σ over the rows of A (rows, n), row-major: the same meaning as `BLAS.columnSums`.
    static func columnSums(rows: Int, n: Int, a: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>) {
        out.update(repeating: 0, count: n)
        for r in 0..<rows {
            let row = a + r * n
            for j in 0..<n { out[j] += row[j] }
        }
    }
}
