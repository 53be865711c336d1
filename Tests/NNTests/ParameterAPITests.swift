import Testing
@testable import NN

@Suite struct ParameterAPITests {
    @Test func stateDictListsNamesInOrderWithDetachedValues() {
        let net = Sequential(Linear(3, 4), ReLU(), Linear(4, 2))
        let state = net.stateDict()
        #expect(state.names == ["0.weight", "0.bias", "2.weight", "2.bias"])
        #expect(state.map(\.tensor.shape) == [[4, 3], [4], [2, 4], [2]])
        #expect(state["2.bias"] == net[2, as: Linear.self].bias)
        #expect(state["2.bias"]?.requiresGrad == false)
        #expect(state["nothing"] == nil)
    }

    @Test func loadingAStateDictCopiesValuesIntoTheSameParameters() throws {
        let source = Sequential(Linear(3, 4), ReLU(), Linear(4, 2))
        let target = Sequential(Linear(3, 4), ReLU(), Linear(4, 2))
        let weight = target[0, as: Linear.self].$weight
        let optimizer = SGD(target.parameters(), lr: 0.1)
        try target.loadStateDict(source.stateDict())
        #expect(target.stateDict() == source.stateDict())
        #expect(target[0, as: Linear.self].$weight === weight, "the parameter object stays, optimisers keep working")
        #expect(optimizer.parameters[0].value == source[0, as: Linear.self].weight)
    }

    @Test func loadingNamesEveryMissingUnexpectedAndMisShapedEntry() {
        let net = Sequential(Linear(3, 4), ReLU(), Linear(4, 2))
        let before = net.stateDict()
        var state = net.stateDict()
        state["0.bias"] = nil
        state["2.weight"] = Tensor.zeros(3, 3)
        state["5.weight"] = Tensor.zeros(1)
        #expect(throws: StateDictMismatch.self) { try net.loadStateDict(state) }
        do {
            try net.loadStateDict(state)
        } catch {
            #expect(error.missing == ["0.bias"])
            #expect(error.unexpected == ["5.weight"])
            #expect(error.mismatchedShapes == [.init(name: "2.weight", found: [3, 3], expected: [2, 4])])
            #expect(error.description == """
                Error(s) in loading state_dict for Sequential:
                \tMissing key(s) in state_dict: "0.bias".
                \tUnexpected key(s) in state_dict: "5.weight".
                \tsize mismatch for 2.weight: copying a param with shape [3, 3] from checkpoint, the shape in current model is [2, 4].
                """)
        }
        #expect(net.stateDict() == before, "nothing is changed on an error")
    }

    @Test func nonStrictLoadingSkipsMissingAndUnexpectedNames() throws {
        let net = Sequential(Linear(3, 4), ReLU(), Linear(4, 2))
        var state = StateDict()
        state["0.bias"] = Tensor([1, 2, 3, 4])
        state["extra"] = Tensor([1])
        let result = try net.loadStateDict(state, strict: false)
        #expect(result.missing == ["0.weight", "2.weight", "2.bias"])
        #expect(result.unexpected == ["extra"])
        #expect(net[0, as: Linear.self].bias == Tensor([1, 2, 3, 4]))
    }

    @Test func applyVisitsEveryModuleOnceChildrenFirst() {
        let shared = Linear(2, 2)
        let net = Sequential(Sequential(shared, ReLU()), shared)
        var visited: [String] = []
        net.apply { visited.append($0.typeName) }
        #expect(visited == ["Linear", "ReLU", "Sequential", "Sequential"])
        var linears = 0
        net.apply(to: Linear.self) { _ in linears += 1 }
        #expect(linears == 1)
    }

    @Test func typedChildAccessAndALazyLayerThatIsALinear() {
        let net = Sequential(LazyLinear(3), ReLU(), Linear(3, 1))
        _ = net(Tensor.rand(2, 5))
        let first: Linear = net[0, as: Linear.self]
        #expect(first.weight.shape == [3, 5])
        #expect(net[0] is Linear)
        #expect((net[0] as? Linear)?.inFeatures == 5)
        #expect(net[-1, as: Linear.self].outFeatures == 1)
        #expect(net.submodule("2", as: Linear.self) === net[2])
    }

    @Test func parametersByDottedName() {
        let inner = Sequential(Linear(2, 3), ReLU())
        let net = Sequential(inner, Linear(3, 1))
        #expect(net.parameter("0.0.weight") === inner[0, as: Linear.self].$weight)
        #expect(net.parameter("1.bias").shape == [1])
        #expect(net.submodule("0.0") === inner[0])
        #expect(net.submodule("") === net)
    }

    @Test func aFrozenParameterGetsNoGradientAndIsNotStepped() {
        let layer = Linear(2, 1)
        layer.$weight.requiresGrad = false
        let weight = layer.weight
        let bias = layer.bias!
        let optimizer = SGD(layer.parameters(), lr: 0.1)
        #expect(layer.parameters().count == 2)
        layer(Tensor.ones(1, 2)).sum().backward()
        #expect(layer.$weight.grad == nil)
        #expect(layer.biasParameter?.grad != nil)
        optimizer.step()
        #expect(layer.weight == weight && layer.bias != bias)
        #expect(!layer.weight.requiresGrad && layer.$weight.description.hasPrefix("Parameter containing:\ntensor("))

        layer.$weight.requiresGrad = true
        layer(Tensor.ones(1, 2)).sum().backward()
        #expect(layer.$weight.grad?.scalars == [1, 1])
        optimizer.step()
        #expect(layer.weight != weight)
    }

    @Test func aFrozenParameterWithAnOldGradientIsSkippedToo() {
        let layer = Linear(2, 1)
        let optimizer = SGD(layer.parameters(), lr: 0.1)
        layer(Tensor.ones(1, 2)).sum().backward()
        layer.$weight.requiresGrad = false
        let weight = layer.weight
        optimizer.step()
        #expect(layer.weight == weight)
        #expect(layer.$weight.grad != nil, "freezing keeps the gradient, as PyTorch does")
    }

    @Test func tiedParametersShareValuesAndGradients() {
        let a = Linear(2, 2, bias: false), b = Linear(2, 2, bias: false)
        b.$weight = a.$weight
        #expect(b.$weight === a.$weight)
        a.weight[0, 0] = 5
        #expect(b.weight[0, 0].item() == 5)
        let net = Sequential(a, b)
        #expect(net.parameters().count == 1)
        #expect(net.stateDict().names == ["0.weight", "1.weight"])
        a.weight = Tensor([[1, 0], [0, 1]])
        net(Tensor([[1, 2]])).sum().backward()
        // y = x·Wᵀ·Wᵀ with W = I: dL/dW gets one term from each use, x from the inner use and
        // the inner output (also x) from the outer one: both [[1, 2], [1, 2]].
        #expect(a.$weight.grad?.scalars == [2, 4, 2, 4])
        let optimizer = SGD(net.parameters(), lr: 0.5)
        optimizer.step()
        #expect(a.weight == b.weight)
        #expect(a.weight.scalars == [0, -2, -1, -1])
    }

    @Test func tyingBiasesThroughTheirParameter() {
        let a = Linear(2, 2), b = Linear(2, 2)
        b.biasParameter = a.biasParameter
        a.bias = Tensor([3, 4])
        #expect(b.bias == Tensor([3, 4]))
    }
}
