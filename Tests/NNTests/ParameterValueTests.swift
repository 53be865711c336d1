import Testing
@testable import NN
@testable import Autograd

/// A tensor read from a parameter is a value: updates of the parameter (optimisers,
/// initialisers, loading) reach the modules holding it and nothing else.
@Suite struct ParameterValueTests {
    @Test func theIssuesExample() {
        let l = Linear(2, 2)
        let before = l.weight
        let opt = SGD(l.parameters(), lr: 0.5)
        l(Tensor.ones(1, 2)).sum().backward()
        opt.step()
        #expect(before.scalars != l.weight.scalars)
        // d(sum of x·Wᵀ + b)/dW is 1 for every weight with x = ones: each moved by -0.5.
        #expect(zip(before.scalars, l.weight.scalars).allSatisfy { abs($0 - 0.5 - $1) < 1e-6 })
    }

    @Test func snapshotsBetweenMomentumStepsKeepTheirValues() {
        let q = Parameter(Tensor([1, -2]))
        let optimizer = SGD([q], lr: 0.1, momentum: 0.9)
        var snapshots: [Tensor] = [q.value]
        var buffers: [Tensor] = []
        for _ in 0..<3 {
            optimizer.zeroGrad()
            (q.value * q.value).sum().backward()
            optimizer.step()
            snapshots.append(q.value)
            buffers.append(optimizer.momentumBuffer(of: q)!)
        }
        // PyTorch's rule by hand: g = 2p, b = 0.9 b + g, p -= 0.1 b.
        var p: [Float] = [1, -2], b: [Float] = [0, 0]
        for step in 0..<3 {
            #expect(snapshots[step].scalars == p.map { $0 }, "snapshot \(step)")
            for i in 0..<2 {
                b[i] = step == 0 ? 2 * p[i] : 0.9 * b[i] + 2 * p[i]
                p[i] -= 0.1 * b[i]
            }
            #expect(zip(buffers[step].scalars, b).allSatisfy { abs($0 - $1) < 1e-6 }, "buffer \(step)")
            #expect(zip(snapshots[step + 1].scalars, p).allSatisfy { abs($0 - $1) < 1e-6 }, "step \(step)")
        }
        #expect(Set(snapshots.map(\.scalars)).count == 4)
    }

    @Test func weightDecayStepsLeaveSnapshotsAlone() {
        let layer = Linear(3, 1)
        let optimizer = SGD(layer.parameters(), lr: 0.1, weightDecay: 0.01)
        let weight = layer.weight, bias = layer.bias!
        layer(Tensor.ones(1, 3)).sum().backward()
        optimizer.step()
        #expect(layer.weight != weight && layer.bias! != bias)
        #expect(layer.weight.isLeaf && layer.weight.requiresGrad)
    }

    @Test func theOptimiserUpdatesEveryModuleHoldingTheParameter() {
        let shared = Linear(2, 2)
        shared.weight = Tensor([[1, 0], [0, 1]])   // positive paths: every weight gets a gradient
        shared.bias = Tensor([1, 1])
        let net = Sequential(shared, ReLU(), shared)
        let optimizer = SGD(net.parameters(), lr: 0.1)
        let before = shared.weight
        net(Tensor.ones(1, 2)).sum().backward()
        optimizer.step()
        #expect(net[0, as: Linear.self].weight == net[2, as: Linear.self].weight)
        #expect(net[0, as: Linear.self].weight != before)
    }

    @Test func aStepBetweenForwardAndBackwardKeepsTheGraphsValuesAndGradients() {
        let layer = Linear(2, 1, bias: false)
        layer.weight = Tensor([[1, 2]])
        let optimizer = SGD(layer.parameters(), lr: 1)
        let x = Tensor([[3, 4]], requiresGrad: true)
        let output = layer(x)
        layer.$weight.grad = Tensor([[1, 1]])
        optimizer.step()
        #expect(layer.weight.scalars == [0, 1])
        output.backward()
        #expect(x.grad?.scalars == [1, 2], "d/dx is the weight of the forward pass")
        #expect(layer.$weight.grad?.scalars == [4, 5], "the graph's gradient reaches the updated parameter")
    }

    @Test func assigningAParameterKeepsItsPlaceInGraphsBuiltBefore() {
        let layer = Linear(2, 1, bias: false)
        let output = layer(Tensor([[3, 4]]))
        layer.weight = Tensor([[7, 7]])
        layer.weight[0, 0] = 5
        output.backward()
        #expect(layer.$weight.grad?.scalars == [3, 4])
        #expect(layer.weight.scalars == [5, 7])
    }

    @Test func elementAssignmentThroughAModuleChangesOnlyTheModule() {
        let layer = Linear(2, 2)
        let before = layer.weight
        layer.weight[0, 0] = 42
        layer.weight[1] = Tensor([1, 2])
        #expect(layer.weight.scalars == [42, before.scalars[1], 1, 2])
        #expect(before.scalars[0] != 42)
        #expect(layer.weight.isLeaf && layer.weight.requiresGrad)
    }

    @Test func compoundAssignmentThroughAModuleChangesOnlyTheModule() {
        let layer = Linear(2, 1, bias: false)
        layer.weight = Tensor([[1, 2]])
        let output = layer(Tensor([[3, 4]]))
        let before = layer.weight
        layer.weight += 1
        noGrad { layer.weight *= 2 }
        #expect(layer.weight.scalars == [4, 6])
        #expect(before.scalars == [1, 2])
        #expect(layer.weight.isLeaf && layer.weight.requiresGrad)
        output.backward()
        #expect(layer.$weight.grad?.scalars == [3, 4], "still the same parameter for the graph built before")
    }

    @Test func initialisingLeavesEarlierReadingsAlone() {
        let layer = Linear(3, 2)
        let before = layer.weight
        layer.$weight.initialize(.constant(3))
        #expect(layer.weight.scalars == [3, 3, 3, 3, 3, 3])
        #expect(before.scalars.allSatisfy { $0 != 3 })
    }

    @Test func aStateDictIsASnapshot() throws {
        let layer = Linear(2, 2)
        let saved = layer.stateDict()
        let optimizer = SGD(layer.parameters(), lr: 1)
        layer(Tensor.ones(1, 2)).sum().backward()
        optimizer.step()
        #expect(saved["weight"]! != layer.weight)
        try layer.loadStateDict(saved)
        #expect(saved["weight"]! == layer.weight)
        #expect(layer.weight.requiresGrad)
    }
}

@Suite struct InPlaceCostTests {
    @Test func aStepWithNoOtherHolderUpdatesTheStorageItself() {
        let layer = Linear(4, 3)
        let optimizer = SGD(layer.parameters(), lr: 0.1, momentum: 0.9)
        var nodes: Set<ObjectIdentifier> = []
        var buffers: Set<Int> = []
        for _ in 0..<3 {
            optimizer.zeroGrad()
            layer(Tensor.ones(2, 4)).sum().backward()
            optimizer.step()
            nodes.insert(ObjectIdentifier(layer.$weight.value.node))
            buffers.insert(layer.$weight.value.storage.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) })
        }
        #expect(nodes.count == 1, "the parameter keeps its identity")
        #expect(buffers.count == 1, "no copy of the weight when nothing else holds it")
    }
}
