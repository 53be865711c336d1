import Testing
import NN

/// Wrong names and types stop with a message that says what is there instead.
@Suite struct AccessMisuseTests {
    static func stderr(of result: ExitTest.Result?) -> String {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    }

    @Test func aChildOfAnotherType() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Sequential(Linear(2, 2), ReLU())[1, as: Linear.self]
        }
        #expect(Self.stderr(of: result).contains("Sequential: module 1 is a ReLU, not a Linear"))
    }

    @Test func aParameterThatIsNotThere() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Sequential(Linear(2, 2), ReLU()).parameter("0.wieght")
        }
        #expect(Self.stderr(of: result).contains("parameter(\"0.wieght\"): Linear has no parameter 'wieght'; its parameters are: weight, bias"))
    }

    @Test func aSubmoduleThatIsNotThere() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Sequential(Linear(2, 2), ReLU()).submodule("3.weight")
        }
        #expect(Self.stderr(of: result).contains("submodule(\"3.weight\"): Sequential has no child '3'; its children are: 0, 1"))
    }

    @Test func xavierOnABias() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            Linear(2, 2).biasParameter?.initialize(.xavierUniform())
        }
        #expect(Self.stderr(of: result).contains("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions"))
    }
}
