import Testing
@testable import NN

struct LayerTests {
    @Test func linearComputesXTimesWTransposedPlusBias() {
        let layer = Linear(2, 3)
        layer.weight = Tensor([[1, 2], [3, 4], [5, 6]])
        layer.bias = Tensor([0.5, 0, -1])
        #expect(layer(Tensor([[1, 1], [2, 0]])).scalars == [3.5, 7, 10, 2.5, 6, 9])
        #expect(layer(Tensor([[1, 1]])).gradFn == "AddmmBackward0")
    }

    @Test func linearStartsUniformWithinOneOverSquareRootOfInputs() {
        withRandomSource(seed: 0) {
            let layer = Linear(100, 50)
            let bound: Float = 0.1
            #expect(layer.weight.shape == [50, 100])
            #expect(layer.weight.scalars.allSatisfy { abs($0) <= bound })
            #expect(layer.bias!.scalars.allSatisfy { abs($0) <= bound })
            // Uniform on [-0.1, 0.1]: the spread fills the interval, the mean is near zero.
            #expect(layer.weight.scalars.max()! > 0.099 && layer.weight.scalars.min()! < -0.099)
            #expect(abs(layer.weight.mean().item()) < 0.005)
        }
    }

    @Test func lazyLinearTakesItsInputSizeFromTheFirstInput() {
        let layer = LazyLinear(4)
        #expect(layer.description == "LazyLinear(in_features=0, out_features=4, bias=True)")
        #expect(!layer.isMaterialized)
        #expect(layer(Tensor.rand(2, 7)).shape == [2, 4])
        #expect(layer.description == "Linear(in_features=7, out_features=4, bias=True)")
        #expect(layer.namedParameters().map(\.name) == ["weight", "bias"])
        #expect(layer.weight.shape == [4, 7])
    }

    @Test func sequentialChainsItsModulesFromArgumentsOrABuilder() {
        let layers: [Module] = [Linear(3, 4), ReLU(), Linear(4, 2)]
        let net = Sequential(layers)
        let x = Tensor.rand(5, 3)
        let byHand = (layers[2] as! Linear)(relu((layers[0] as! Linear)(x)))
        #expect(net(x).scalars == byHand.scalars)
        let withFlag = true
        let built = Sequential {
            Linear(3, 4)
            if withFlag { ReLU() } else { Tanh() }
            for _ in 0..<2 { Linear(4, 4) }
        }
        #expect(built.count == 4)
        #expect(built[1] is ReLU)
        built.append(Flatten())
        #expect(built.namedChildren.map(\.name) == ["0", "1", "2", "3", "4"])
    }

    @Test func flattenKeepsTheBatchAxis() {
        #expect(Flatten()(Tensor.zeros(2, 3, 4)).shape == [2, 12])
        #expect(Flatten(startAxis: 0)(Tensor.zeros(2, 3, 4)).shape == [24])
        #expect(Flatten(startAxis: 1, endAxis: -2)(Tensor.zeros(2, 3, 4, 5)).shape == [2, 12, 5])
    }

    @Test func gradientsReachEveryParameterThroughTheChain() {
        // Seeded, so the network gradcheck looks at is the same in every run.
        withRandomSource(seed: 5) {
            let net = Sequential(Linear(3, 4), Tanh(), Linear(4, 2))
            let x = Tensor.rand(5, 3)
            mseLoss(net(x), Tensor.zeros(5, 2)).backward()
            #expect(net.parameters().allSatisfy { $0.grad?.shape == $0.shape })
            let first = net[0] as! Linear, last = net[2] as! Linear
            // The gradient of the whole network with respect to the first weight, by finite differences.
            #expect(gradcheck([first.weight]) { tensors in
                mseLoss(last(tanh(linear(x, tensors[0], first.bias))), Tensor.zeros(5, 2))
            })
            net.zeroGrad()
            #expect(net.parameters().allSatisfy { $0.grad == nil })
        }
    }

    @Test func lossesMatchPyTorch() {
        let prediction = Tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]])
        let target = Tensor([[1.0, 0.0, 2.5], [-1.0, 0.5, 0.0]])
        // Reference values from PyTorch 2.13: F.mse_loss and F.cross_entropy on the same numbers.
        #expect(abs(mseLoss(prediction, target).item() - 1.3958333730697632) < 1e-6)
        #expect(abs(crossEntropy(prediction, labels: [2, 0]).item() - 0.28599196672439575) < 1e-6)
    }

    @Test func sgdFollowsPyTorchsRuleWithMomentumAndWeightDecay() {
        let q = Parameter(Tensor([1, -2]))
        let optimizer = SGD([q], lr: 0.1, momentum: 0.9, weightDecay: 0.01)
        for _ in 0..<3 {
            optimizer.zeroGrad()
            (q.value * q.value * Tensor([1, 3])).sum().backward()
            optimizer.step()
        }
        // torch.optim.SGD(lr=0.1, momentum=0.9, weight_decay=0.01), three steps: PyTorch 2.13 gives these.
        #expect(abs(q.value.scalars[0] - 0.05819422006607056) < 1e-6)
        #expect(abs(q.value.scalars[1] - 1.7098538875579834) < 1e-6)
    }

    @Test func trainingLowersTheLoss() {
        withRandomSource(seed: 3) {
            let net = Sequential(Linear(4, 16), ReLU(), Linear(16, 1))
            let x = Tensor.randn(32, 4)
            let y = x.sum(axis: 1, keepDims: true)
            let optimizer = SGD(net.parameters(), lr: 0.05)
            let first = mseLoss(net(x), y).item()
            for _ in 0..<200 {
                optimizer.zeroGrad()
                mseLoss(net(x), y).backward()
                optimizer.step()
            }
            #expect(mseLoss(net(x), y).item() < first / 10)
        }
    }
}
