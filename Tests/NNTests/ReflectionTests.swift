import Testing
@testable import NN

/// Children and parameters are found by reflection, named and ordered as PyTorch names them.
struct ReflectionTests {
    final class MLP: Module {
        let hidden = Linear(4, 8)
        let output = Linear(8, 2)
        override func forward(_ x: Tensor) -> Tensor { output(relu(hidden(x))) }
    }

    final class WithConstant: Module {
        let constant = Tensor.rand(3, 3)
        @Parameter var scale: Tensor = Tensor.ones(3)
        let layer = Linear(3, 3)
        override func forward(_ x: Tensor) -> Tensor { layer(matmul(x, constant) * scale) }
    }

    final class Containers: Module {
        let blocks: [Module] = [Linear(2, 2), ReLU(), Linear(2, 2)]
        let missing: Linear? = nil
        let present: Linear? = Linear(2, 3)
        let hiddenAway: [String: Module] = ["x": Linear(2, 2)]
        override init() {
            super.init()
            register(Linear(3, 1), as: "head")
        }
    }

    @Test func parametersAreNamedByPropertyInDeclarationOrder() {
        let names = MLP().namedParameters().map(\.name)
        #expect(names == ["hidden.weight", "hidden.bias", "output.weight", "output.bias"])
        #expect(MLP().children.count == 2)
        #expect(MLP().namedChildren.map(\.name) == ["hidden", "output"])
    }

    @Test func aPlainTensorPropertyIsAConstantAndAParameterPropertyIsTrained() {
        let module = WithConstant()
        #expect(module.namedParameters().map(\.name) == ["scale", "layer.weight", "layer.bias"])
        #expect(module.$scale.value.requiresGrad)
        #expect(!module.constant.requiresGrad)
    }

    @Test func arraysOptionalsAndRegisteredChildrenAreFoundButDictionariesAreNot() {
        let module = Containers()
        #expect(module.namedChildren.map(\.name) == ["blocks.0", "blocks.1", "blocks.2", "present", "head"])
        #expect(module.namedParameters().map(\.name) == [
            "blocks.0.weight", "blocks.0.bias", "blocks.2.weight", "blocks.2.bias",
            "present.weight", "present.bias", "head.weight", "head.bias",
        ])
    }

    @Test func aSharedLayerIsCountedOnceButPrintedWhereverItIsUsed() {
        let shared = Linear(8, 8)
        let net = Sequential(Linear(4, 8), shared, ReLU(), shared, Linear(8, 1))
        #expect(net.namedParameters().map(\.name) == ["0.weight", "0.bias", "1.weight", "1.bias", "4.weight", "4.bias"])
        #expect(net.description == """
            Sequential(
              (0): Linear(in_features=4, out_features=8, bias=True)
              (1): Linear(in_features=8, out_features=8, bias=True)
              (2): ReLU()
              (3): Linear(in_features=8, out_features=8, bias=True)
              (4): Linear(in_features=8, out_features=1, bias=True)
            )
            """)
    }

    @Test func registeringANameAgainReplacesThatChild() {
        let module = Module()
        module.register(Linear(2, 2), as: "a")
        module.register(ReLU(), as: "b")
        module.register(Linear(2, 5), as: "a")
        #expect(module.namedChildren.map(\.name) == ["a", "b"])
        #expect(module.parameters().map(\.shape) == [[5, 2], [5]])
    }

    @Test func nestedModulesPrintAsPyTorchPrintsThem() {
        final class Nest: Module {
            let net = Sequential { Linear(20, 64); ReLU() }
            let linear = Linear(64, 16)
        }
        #expect(Sequential(Nest(), Linear(16, 20)).description == """
            Sequential(
              (0): Nest(
                (net): Sequential(
                  (0): Linear(in_features=20, out_features=64, bias=True)
                  (1): ReLU()
                )
                (linear): Linear(in_features=64, out_features=16, bias=True)
              )
              (1): Linear(in_features=16, out_features=20, bias=True)
            )
            """)
        #expect(Flatten().description == "Flatten(start_dim=1, end_dim=-1)")
        #expect(Linear(3, 2, bias: false).description == "Linear(in_features=3, out_features=2, bias=False)")
    }

    @Test func namedModulesWalksTheTreeDepthFirst() {
        let net = Sequential(MLP(), ReLU())
        #expect(net.namedModules().map(\.name) == ["", "0", "0.hidden", "0.output", "1"])
    }

    @Test func aParameterPrintsAsPyTorchPrintsOne() {
        let parameter = Parameter(Tensor([[0.1, -0.2]]))
        #expect(parameter.description == "Parameter containing:\ntensor([[ 0.1000, -0.2000]], requires_grad=True)")
    }

    @Test func assigningToAParameterPropertyKeepsItTrainable() {
        let module = WithConstant()
        let before = module.$scale
        module.scale = Tensor([1, 2, 3])
        #expect(module.$scale === before)
        #expect(module.scale.requiresGrad && module.scale.isLeaf)
        #expect(module.scale.scalars == [1, 2, 3])
    }
}
