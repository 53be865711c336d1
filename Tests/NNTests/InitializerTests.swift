import Testing
@testable import NN

/// The initialisers against PyTorch's formulas (torch/nn/init.py): bounds, and standard
/// deviations over large draws.
@Suite struct InitializerTests {
    /// The sample standard deviation and mean of `t`.
    func statistics(_ t: Tensor) -> (mean: Float, std: Float) {
        let mean = t.mean().item()
        return (mean, (t - mean).squared().mean().item().squareRoot())
    }

    @Test func gainsAreCalculateGains() {
        #expect(calculateGain(.linear) == 1 && calculateGain(.conv2d) == 1 && calculateGain(.sigmoid) == 1)
        #expect(calculateGain(.tanh) == 5.0 / 3)
        #expect(calculateGain(.relu) == Float(2).squareRoot())
        #expect(calculateGain(.selu) == 0.75)
        #expect(abs(calculateGain(.leakyReLU) - 1.4141428) < 1e-6)          // slope 0.01
        #expect(abs(calculateGain(.leakyReLU, param: 0.2) - 1.3867505) < 1e-6)
        #expect(calculateGain(.leakyReLU, param: 0) == Float(2).squareRoot())
    }

    @Test func fansFollowPyTorchsRule() {
        #expect(fans(ofShape: [256, 20]) == (fanIn: 20, fanOut: 256))
        #expect(fans(ofShape: [16, 3, 5, 5]) == (fanIn: 75, fanOut: 400))
    }

    @Test func constantZerosAndOnes() {
        var t = Tensor.rand(2, 3)
        t.initialize(.constant(0.25))
        #expect(t.scalars.allSatisfy { $0 == 0.25 })
        t.initialize(.zeros)
        #expect(t == Tensor.zeros(2, 3))
        t.initialize(.ones)
        #expect(t == Tensor.ones(2, 3))
    }

    @Test func normalAndUniform() {
        withRandomSource(seed: 0) {
            var t = Tensor.zeros(400, 500)
            t.initialize(.normal(mean: 1, std: 0.01))
            let (mean, std) = statistics(t)
            #expect(abs(mean - 1) < 1e-3 && abs(std - 0.01) / 0.01 < 0.01)
            t.initialize(.uniform(-10, 10))
            #expect(t.scalars.allSatisfy { $0 >= -10 && $0 < 10 })
            #expect(t.scalars.min()! < -9.99 && t.scalars.max()! > 9.99)
            #expect(abs(statistics(t).std - 20 / Float(12).squareRoot()) < 0.05)
        }
    }

    @Test func xavierUniformAndNormal() {
        withRandomSource(seed: 0) {
            var w = Tensor.zeros(300, 500)   // fanIn 500, fanOut 300
            w.initialize(.xavierUniform(gain: 2))
            let bound = 2 * (6 / Float(800)).squareRoot()
            #expect(w.scalars.allSatisfy { abs($0) <= bound })
            #expect(w.scalars.max()! > 0.999 * bound && w.scalars.min()! < -0.999 * bound)
            w.initialize(.xavierNormal())
            let std = (2 / Float(800)).squareRoot()
            #expect(abs(statistics(w).std - std) / std < 0.01)
        }
    }

    @Test func kaimingUniformAndNormalWithModesAndNonlinearities() {
        withRandomSource(seed: 0) {
            var w = Tensor.zeros(300, 500)
            w.initialize(.kaimingUniform())   // a = 0, fan_in, leaky_relu: gain √2
            let bound = Float(3).squareRoot() * Float(2).squareRoot() / Float(500).squareRoot()
            #expect(w.scalars.allSatisfy { abs($0) <= bound })
            #expect(w.scalars.max()! > 0.999 * bound)
            w.initialize(.kaimingUniform(a: Float(5).squareRoot()))   // nn.Linear's default: 1/√in
            #expect(abs(w.scalars.max()! - 1 / Float(500).squareRoot()) < 1e-4)
            w.initialize(.kaimingNormal(mode: .fanOut, nonlinearity: .relu))
            let std = Float(2).squareRoot() / Float(300).squareRoot()
            #expect(abs(statistics(w).std - std) / std < 0.01)
            w.initialize(.kaimingNormal(nonlinearity: .tanh))
            let tanhStd = Float(5) / 3 / Float(500).squareRoot()
            #expect(abs(statistics(w).std - tanhStd) / tanhStd < 0.01)
        }
    }

    @Test func aCustomRuleThroughApply() {
        withRandomSource(seed: 0) {
            let net = Sequential(Linear(4, 8), ReLU(), Linear(8, 2))
            let sparse = Initializer { shape in
                let w = Tensor.uniform(-10, 10, shape: shape)
                return w * (w.abs() .>= 5)
            }
            net.apply(to: Linear.self) { linear in
                linear.$weight.initialize(sparse)
                linear.biasParameter?.initialize(.zeros)
            }
            for linear in [net[0, as: Linear.self], net[2, as: Linear.self]] {
                #expect(linear.weight.scalars.allSatisfy { $0 == 0 || (abs($0) >= 5 && abs($0) < 10) })
                #expect(linear.weight.scalars.contains(0))
                #expect(linear.bias == Tensor.zeros(like: linear.bias!))
                #expect(linear.weight.requiresGrad && linear.weight.isLeaf)
            }
        }
    }

    @Test func initialisingKeepsTheParameterAndItsGradient() {
        let layer = Linear(2, 2)
        let parameter = layer.$weight
        layer(Tensor.ones(1, 2)).sum().backward()
        layer.$weight.initialize(.xavierNormal())
        #expect(layer.$weight === parameter)
        #expect(layer.$weight.grad?.scalars == [1, 1, 1, 1])
    }
}
