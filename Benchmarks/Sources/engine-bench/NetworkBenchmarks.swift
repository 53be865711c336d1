import Autograd

// The networks written with the engine's functions (linear, relu, an MSE
// expression and in-place SGD updates): the same arithmetic as
// Sequential(Linear, ReLU, Linear) + mseLoss + SGD, without the NN module.

/// A 2-layer perceptron's parameters, initialised as PyTorch's Linear does
/// (uniform in ±1/√in).
struct TwoLayerParameters {
    let w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor

    init(_ inputs: Int, _ hidden: Int, _ outputs: Int) {
        let bound1 = 1 / Float(inputs).squareRoot(), bound2 = 1 / Float(hidden).squareRoot()
        w1 = Tensor.uniform(-bound1, bound1, shape: [hidden, inputs], requiresGrad: true)
        b1 = Tensor.uniform(-bound1, bound1, shape: [hidden], requiresGrad: true)
        w2 = Tensor.uniform(-bound2, bound2, shape: [outputs, hidden], requiresGrad: true)
        b2 = Tensor.uniform(-bound2, bound2, shape: [outputs], requiresGrad: true)
    }

    var all: [Tensor] { [w1, b1, w2, b2] }

    func callAsFunction(_ x: Tensor) -> Tensor { linear(relu(linear(x, w1, b1)), w2, b2) }
}

/// Microseconds per forward call of the 20-256-10 perceptron on a 2×20 input,
/// recording the graph as a training forward does, and inside `noGrad { }`.
func smallForwardMicroseconds() -> (graph: Double, noGrad: Double) {
    manualSeed(0)
    let net = TwoLayerParameters(20, 256, 10)
    let x = Tensor.rand(2, 20)
    return (secondsPerCall { _ = net(x) } * 1e6, secondsPerCall { _ = noGrad { net(x) } } * 1e6)
}

/// Milliseconds per SGD step of a 784-256-10 perceptron on a batch of 256 with
/// MSE loss: zeroing the gradients, forward, backward and the update.
func trainingStepMilliseconds() -> Double {
    manualSeed(0)
    let net = TwoLayerParameters(784, 256, 10)
    let x = Tensor.rand(256, 784), target = Tensor.rand(256, 10)
    return secondsPerCall(minimumSeconds: 1) {
        for p in net.all { p.grad = nil }
        let loss = (net(x) - target).squared().mean()
        loss.backward()
        for p in net.all { p.addInPlace(p.grad!, alpha: -0.01) }
    } * 1e3
}
