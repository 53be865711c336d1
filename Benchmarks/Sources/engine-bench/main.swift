// Prints the engine's figures as `name value` lines; Benchmarks/engine.sh
// runs this and engine_reference.py (PyTorch) and prints them side by side.
// Threads: OpenBLAS reads OPENBLAS_NUM_THREADS.

for n in [256, 1024] {
    let (tensor, cblas) = matmulGflops(n)
    print("matmul_\(n)_gflops_tensor", format3(tensor))
    print("matmul_\(n)_gflops_cblas", format3(cblas))
}
let forward = smallForwardMicroseconds()
print("forward_2x20_us", format3(forward.graph))
print("forward_2x20_nograd_us", format3(forward.noGrad))
print("sgd_step_ms", format3(trainingStepMilliseconds()))

/// Three significant decimals without Foundation's formatter.
func format3(_ x: Double) -> String {
    let scaled = (x * 1000).rounded() / 1000
    return "\(scaled)"
}
