import Testing
@testable import Autograd

/// The BLAS seam against the plain triple loop kept beside it.
@Suite struct KernelTests {
    /// Both paths of the seam: sgemm (7 rows) and sgemv row by row (2 rows).
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)], [7, 2])
    func blasMatchesNaiveKernel(_ transposes: (Bool, Bool), _ m: Int) {
        let (transposeA, transposeB) = transposes
        var g = Xoshiro256StarStar(seed: 11)
        let (n, k) = (5, 9)
        let a = g.normals(m * k), b = g.normals(k * n), c0 = g.normals(m * n)
        let lda = transposeA ? m : k, ldb = transposeB ? k : n
        var fast = c0, slow = c0
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                fast.withUnsafeMutableBufferPointer { c in
                    BLAS.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.5,
                               a: a.baseAddress!, lda: lda, b: b.baseAddress!, ldb: ldb, beta: 2, c: c.baseAddress!, ldc: n)
                }
                slow.withUnsafeMutableBufferPointer { c in
                    NaiveKernels.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.5,
                                       a: a.baseAddress!, lda: lda, b: b.baseAddress!, ldb: ldb, beta: 2, c: c.baseAddress!, ldc: n)
                }
            }
        }
        #expect(zip(fast, slow).allSatisfy { Swift.abs($0 - $1) < 1e-4 })
    }

    @Test(arguments: [1, 2, 4, 5])
    func overwritesUninitialisedOutputWhenBetaIsZero(_ m: Int) {
        let (n, k) = (3, 2)
        let a = [Float](repeating: 1, count: m * k), b = [Float](repeating: 2, count: k * n)
        var c = [Float](repeating: .nan, count: m * n)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    BLAS.sgemm(transposeA: false, transposeB: false, m: m, n: n, k: k, alpha: 1,
                               a: a.baseAddress!, lda: k, b: b.baseAddress!, ldb: n, beta: 0, c: c.baseAddress!, ldc: n)
                }
            }
        }
        #expect(c == [Float](repeating: 4, count: m * n))
    }
}
