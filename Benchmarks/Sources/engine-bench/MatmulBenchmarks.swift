import Autograd
import BenchCBLAS

/// GFLOP/s (2n³ flops per product) of an n×n by n×n product through `Tensor`
/// matmul and through `cblas_sgemm` directly into a buffer allocated once (the
/// floor the engine is measured against), measured in alternating rounds.
func matmulGflops(_ n: Int) -> (tensor: Double, cblas: Double) {
    let a = Tensor.randn(n, n), b = Tensor.randn(n, n)
    let rawA = a.scalars, rawB = b.scalars
    var c = [Float](repeating: 0, count: n * n)
    let (tensor, cblas) = secondsPerCall(alternating: { _ = matmul(a, b) }, {
        c.withUnsafeMutableBufferPointer { c in
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n), 1,
                        rawA, Int32(n), rawB, Int32(n), 0, c.baseAddress, Int32(n))
        }
    })
    let flops = 2 * Double(n * n * n)
    return (flops / tensor / 1e9, flops / cblas / 1e9)
}
