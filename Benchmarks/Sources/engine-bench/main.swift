// Prints the engine's figures as `name value` lines; Benchmarks/engine.sh
// runs this and engine_reference.py (PyTorch) and prints them side by side.
// Threads: OpenBLAS reads OPENBLAS_NUM_THREADS.
//
// `engine-bench steps N` runs N training steps and prints nothing: the program to put under
// a profiler (`valgrind --tool=callgrind`, `perf record`), see Benchmarks/profile.sh.

let arguments = CommandLine.arguments
if arguments.count == 3, arguments[1] == "steps", let steps = Int(arguments[2]) {
    runTrainingSteps(steps)
} else {
    // The step first: a chapter trains before it ever multiplies large matrices, and the
    // allocator adapts to the largest buffers a process has freed.
    let step = trainingStepMilliseconds()
    print("sgd_step_ms", format3(step.step))
    print("sgd_step_products_ms", format3(step.products))
    print("sgd_step_gflops", format3(StepProducts.flops / step.step / 1e6))
    print("sgd_step_products_gflops", format3(StepProducts.flops / step.products / 1e6))
    print("sgd_step_pct_of_sgemm", format3(100 * step.products / step.step))
    print("sgd_step_cpu_ms", format3(step.stepCPU))
    print("sgd_step_products_cpu_ms", format3(step.productsCPU))
    for n in [256, 1024] {
        let (tensor, cblas) = matmulGflops(n)
        print("matmul_\(n)_gflops_tensor", format3(tensor))
        print("matmul_\(n)_gflops_cblas", format3(cblas))
    }
    let forward = smallForwardMicroseconds()
    print("forward_2x20_us", format3(forward.graph))
    print("forward_2x20_nograd_us", format3(forward.noGrad))
    let walk = moduleWalkMicroseconds()
    print("parameters_us", format3(walk.parameters))
    print("module_zero_grad_us", format3(walk.zeroGrad))
}

/// Three significant decimals without Foundation's formatter.
func format3(_ x: Double) -> String {
    let scaled = (x * 1000).rounded() / 1000
    return "\(scaled)"
}
