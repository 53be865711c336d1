import Testing
import Autograd

/// In-place changes of a recorded result stop with a message that says what to do instead.
@Suite struct InPlaceMisuseTests {
    @Test func addInPlaceOnARecordedResult() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var y = Tensor([1, 2], requiresGrad: true) * 2
            y.addInPlace(Tensor([1, 1]))
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("addInPlace: only a leaf tensor can be changed in place, got the result of MulBackward0; rebind it instead (x = x + y)"))
    }

    @Test func aValueThatDoesNotFitTheSelection() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            var w = Tensor.zeros(2, 3)
            w[0] = Tensor([1, 2])
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("subscript assignment"))
        #expect(message.contains("[3] and [2]") || message.contains("does not fit"))
    }
}
