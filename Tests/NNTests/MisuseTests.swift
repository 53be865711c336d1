import Testing
import NN

/// Misuse of modules stops the program with a message naming the rule and the shapes
/// (exit tests: each body runs in a child process that must fail).
@Suite struct ModuleMisuseTests {
    static func stderr(of result: ExitTest.Result?) -> String {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    }

    @Test func parametersOfALazyLayerBeforeItsFirstInput() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Sequential(LazyLinear(256), ReLU()).parameters()
        }
        #expect(Self.stderr(of: result).contains("LazyLinear(out_features=256) has no parameters yet"))
        #expect(Self.stderr(of: result).contains("Call the network on an input first"))
    }

    @Test func anInputOfTheWrongWidth() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Linear(20, 256)(Tensor.ones(2, 10))
        }
        #expect(Self.stderr(of: result).contains("the input's last axis must have 20 features, got an input of shape [2, 10]"))
    }

    @Test func aLazyLayerGivenADifferentWidthLater() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let layer = LazyLinear(3)
            _ = layer(Tensor.ones(1, 4))
            _ = layer(Tensor.ones(1, 5))
        }
        #expect(Self.stderr(of: result).contains("must have 4 features (fixed by the first input), got an input of shape [1, 5]"))
    }

    @Test func lossOfMismatchedShapes() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = mseLoss(Tensor.ones(4, 1), Tensor.ones(4))
        }
        #expect(Self.stderr(of: result).contains("mseLoss: the prediction has shape [4, 1] but the target [4]"))
    }

    @Test func aModuleWithoutForward() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            final class Empty: Module {}
            _ = Empty()(Tensor.ones(1))
        }
        #expect(Self.stderr(of: result).contains("Empty does not override forward(_:)"))
    }
}
