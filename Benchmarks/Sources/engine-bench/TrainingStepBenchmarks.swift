import BenchCBLAS
import NN

// The SGD step of a 784-256-10 perceptron (batch 256, MSE) against its floor: the five matrix
// products the step has to do, called directly through cblas_sgemm on buffers allocated once.
// The step's FLOP rate as a share of theirs says how much the engine adds around BLAS.

/// The products of one step, as the engine calls them (row-major; W1 (256, 784), W2 (10, 256)):
///   forward  Y1 (256, 256) = X (256, 784) · W1ᵀ + Y1      (bias already in Y1: beta 1)
///            Y2 (256, 10)  = H (256, 256) · W2ᵀ + Y2
///   backward dH (256, 256) = G2 (256, 10) · W2
///            dW2 (10, 256) = G2ᵀ · H
///            dW1 (256, 784) = G1ᵀ (256, 256) · X
struct StepProducts {
    static let (batch, inputs, hidden, outputs) = (256, 784, 256, 10)
    var x = [Float](repeating: 0.5, count: batch * inputs)
    var w1 = [Float](repeating: 0.01, count: hidden * inputs), w2 = [Float](repeating: 0.01, count: outputs * hidden)
    var y1 = [Float](repeating: 0, count: batch * hidden), y2 = [Float](repeating: 0, count: batch * outputs)
    var g2 = [Float](repeating: 0.1, count: batch * outputs), g1 = [Float](repeating: 0.1, count: batch * hidden)
    var dH = [Float](repeating: 0, count: batch * hidden)
    var dW1 = [Float](repeating: 0, count: hidden * inputs), dW2 = [Float](repeating: 0, count: outputs * hidden)

    /// Floating-point operations of the five products.
    static var flops: Double {
        let large: Int = 2 * batch * hidden * inputs    // the first layer's forward and dW1
        let small: Int = 3 * batch * outputs * hidden   // the second layer's forward, dH and dW2
        return 2 * Double(large + small)
    }

    mutating func run() {
        let (b, i, h, o) = (Int32(Self.batch), Int32(Self.inputs), Int32(Self.hidden), Int32(Self.outputs))
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, b, h, i, 1, x, i, w1, i, 1, &y1, h)
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, b, o, h, 1, y1, h, w2, h, 1, &y2, o)
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, b, h, o, 1, g2, o, w2, h, 0, &dH, h)
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, o, h, b, 1, g2, o, y1, h, 0, &dW2, h)
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, h, i, b, 1, g1, h, x, i, 0, &dW1, i)
    }
}

/// Milliseconds per SGD step of the 784-256-10 perceptron on a batch of 256 with MSE loss
/// (zeroing the gradients, forward, backward and the update), built as a chapter builds it, and
/// milliseconds of the step's five products called directly, measured in alternating rounds:
/// wall time, and CPU time of the process.
func trainingStepMilliseconds() -> (step: Double, products: Double, stepCPU: Double, productsCPU: Double) {
    manualSeed(0)
    let net = Sequential(Linear(784, 256), ReLU(), Linear(256, 10))
    let optimizer = SGD(net.parameters(), lr: 0.01)
    let x = Tensor.rand(256, 784), target = Tensor.rand(256, 10)
    var products = StepProducts()
    func step() {
        optimizer.zeroGrad()
        mseLoss(net(x), target).backward()
        optimizer.step()
    }
    let (wall, direct) = secondsPerCall(alternating: step, { products.run() }, rounds: 40, minimumSeconds: 0.05)
    let (cpu, directCPU) = cpuSecondsPerCall(alternating: step, { products.run() }, callsPerRound: 4)
    return (wall * 1e3, direct * 1e3, cpu * 1e3, directCPU * 1e3)
}

/// Runs `steps` SGD steps of the perceptron of `trainingStepMilliseconds()` (after the same
/// set-up), untimed: the workload for profilers.
func runTrainingSteps(_ steps: Int) {
    manualSeed(0)
    let net = Sequential(Linear(784, 256), ReLU(), Linear(256, 10))
    let optimizer = SGD(net.parameters(), lr: 0.01)
    let x = Tensor.rand(256, 784), target = Tensor.rand(256, 10)
    for _ in 0..<steps {
        optimizer.zeroGrad()
        mseLoss(net(x), target).backward()
        optimizer.step()
    }
}
