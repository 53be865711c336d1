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

    /// Both sides of the length at which vectors go to BLAS.
    @Test(arguments: [0, 5, BLAS.vectorCallLength - 1, BLAS.vectorCallLength, 3 * BLAS.vectorCallLength + 7])
    func saxpyMatchesNaiveKernel(_ n: Int) {
        var g = Xoshiro256StarStar(seed: 12)
        let x = g.normals(n), y0 = g.normals(n)
        var fast = y0, slow = y0
        x.withUnsafeBufferPointer { x in
            guard let x = x.baseAddress else { return }
            fast.withUnsafeMutableBufferPointer { BLAS.saxpy(n: n, alpha: -0.3, x: x, y: $0.baseAddress!) }
            slow.withUnsafeMutableBufferPointer { NaiveKernels.saxpy(n: n, alpha: -0.3, x: x, y: $0.baseAddress!) }
        }
        #expect(zip(fast, slow).allSatisfy { Swift.abs($0 - $1) < 1e-5 })
        #expect(fast.count == n)
    }

    /// Small matrices (the loop) and large ones (sgemv), square and not.
    @Test(arguments: [(1, 1), (3, 5), (64, 64), (256, 10), (300, 257)])
    func columnSumsMatchNaiveKernel(_ size: (rows: Int, n: Int)) {
        var g = Xoshiro256StarStar(seed: 13)
        let a = g.normals(size.rows * size.n)
        var fast = [Float](repeating: .nan, count: size.n), slow = fast
        a.withUnsafeBufferPointer { a in
            fast.withUnsafeMutableBufferPointer {
                BLAS.columnSums(rows: size.rows, n: size.n, a: a.baseAddress!, out: $0.baseAddress!)
            }
            slow.withUnsafeMutableBufferPointer {
                NaiveKernels.columnSums(rows: size.rows, n: size.n, a: a.baseAddress!, out: $0.baseAddress!)
            }
        }
        #expect(zip(fast, slow).allSatisfy { Swift.abs($0 - $1) < 1e-3 })
    }

    #if canImport(Glibc)
    @Test func heapPolicyIsAppliedOnGlibc() {
        _ = Tensor([1, 2])
        #expect(HeapPolicy.applied)
    }
    #endif
}
