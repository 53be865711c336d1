import NN

// The networks of the chapters, built with the NN module exactly as a chapter
// builds them, so the figures include what a user pays for Module, Sequential,
// Parameter, mseLoss and SGD.

/// Microseconds per forward call of Sequential(Linear(20, 256), ReLU(),
/// Linear(256, 10)) on a 2×20 input, recording the graph as a training forward
/// does, and inside `noGrad { }`.
func smallForwardMicroseconds() -> (graph: Double, noGrad: Double) {
    manualSeed(0)
    let net = Sequential(Linear(20, 256), ReLU(), Linear(256, 10))
    let x = Tensor.rand(2, 20)
    return (secondsPerCall { _ = net(x) } * 1e6, secondsPerCall { _ = noGrad { net(x) } } * 1e6)
}

/// Microseconds per `net.parameters()` and per `net.zeroGrad()` on Sequential(Linear(784, 256),
/// ReLU(), Linear(256, 10)): what a training loop pays when it asks the module rather than the
/// optimiser (both walk the module tree).
func moduleWalkMicroseconds() -> (parameters: Double, zeroGrad: Double) {
    manualSeed(0)
    let net = Sequential(Linear(784, 256), ReLU(), Linear(256, 10))
    return (secondsPerCall { _ = net.parameters() } * 1e6, secondsPerCall { net.zeroGrad() } * 1e6)
}
