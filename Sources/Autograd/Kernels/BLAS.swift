// The one seam between the engine and a BLAS library: OpenBLAS through the
// CBLAS system-library module on Linux, Accelerate on Apple platforms.
//
// The import is `@_implementationOnly` so that programs compiled against the
// engine's .swiftmodule (the chapter cells) do not need the CBLAS module map
// or OpenBLAS headers on their include path; nothing from CBLAS appears in
// the engine's public or inlinable API.
//
// OpenBLAS (pthread build) runs large products on as many threads as
// OPENBLAS_NUM_THREADS allows (default: all cores); small products, like
// most of a tutorial's, run on the calling thread.

#if canImport(Accelerate)
import Accelerate
#else
@_implementationOnly import CBLAS
#endif

/// Matrix-multiply kernels on raw row-major buffers.
enum BLAS {
    /// Products with at most this many rows go through sgemv, row by row.
    static let smallRowCount = 4

    /// C = alpha · op(A) · op(B) + beta · C, all row-major.
    /// op(A) is (m, k): A is (m, k) with leading dimension lda, or (k, m) when `transposeA`.
    /// op(B) is (k, n): B is (k, n) with leading dimension ldb, or (n, k) when `transposeB`.
    /// C is (m, n) with leading dimension ldc.
    static func sgemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                      a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                      beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard m > 0, n > 0 else { return }
        if m <= smallRowCount {
            // OpenBLAS's sgemm costs about 1-2 µs before any arithmetic; for a few
            // rows (a small batch through a layer) one sgemv per row is faster:
            // C[r, :] = alpha · op(B)ᵀ · op(A)[r, :] + beta · C[r, :].
            for r in 0..<m {
                let row = c + r * ldc
                if beta == 0 { row.update(repeating: 0, count: n) }  // C may be uninitialised
                let x = transposeA ? a + r : a + r * lda
                if transposeB {  // B is (n, k): op(B)ᵀ = B
                    cblas_sgemv(CblasRowMajor, CblasNoTrans, .init(n), .init(k), alpha, b, .init(Swift.max(ldb, 1)),
                                x, .init(transposeA ? lda : 1), beta == 0 ? 0 : beta, row, 1)
                } else {  // B is (k, n): op(B)ᵀ = Bᵀ
                    cblas_sgemv(CblasRowMajor, CblasTrans, .init(k), .init(n), alpha, b, .init(Swift.max(ldb, 1)),
                                x, .init(transposeA ? lda : 1), beta == 0 ? 0 : beta, row, 1)
                }
            }
            return
        }
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    .init(m), .init(n), .init(k), alpha, a, .init(Swift.max(lda, 1)), b, .init(Swift.max(ldb, 1)),
                    beta, c, .init(Swift.max(ldc, 1)))
    }

    /// Vectors at least this long go to BLAS (vectorised for the CPU it runs on, and on several
    /// threads for long ones: an optimiser's update of a large weight); shorter ones stay in
    /// the plain loop, which costs less than the call.
    static let vectorCallLength = 4096

    /// y = alpha · x + y; x and y are (n), contiguous, not overlapping.
    static func saxpy(n: Int, alpha: Float, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        guard n >= vectorCallLength else {
            return NaiveKernels.saxpy(n: n, alpha: alpha, x: x, y: y)
        }
        cblas_saxpy(.init(n), alpha, x, 1, y, 1)
    }

    /// The sums of the columns of a row-major (rows, n) matrix: out (n) = Aᵀ · 1.
    /// One sgemv against a vector of ones, so the rows are read once, as the
    /// reference reads them, but with the CPU's widest vectors and BLAS's threads.
    static func columnSums(rows: Int, n: Int, a: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>) {
        guard rows * n >= vectorCallLength else {
            return NaiveKernels.columnSums(rows: rows, n: n, a: a, out: out)
        }
        let ones = [Float](repeating: 1, count: rows)
        cblas_sgemv(CblasRowMajor, CblasTrans, .init(rows), .init(n), 1, a, .init(n), ones, 1, 0, out, 1)
    }
}
