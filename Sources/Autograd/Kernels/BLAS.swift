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
}
