import Testing
import Autograd

/// Misuse stops the program with a message naming the rule and the shapes
/// (exit tests: each body runs in a child process that must fail).
@Suite struct MisuseTests {
    static func stderr(of result: ExitTest.Result?) -> String {
        String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
    }

    @Test func backwardOnANonScalar() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            Tensor.ones(2, 3, requiresGrad: true).backward()
        }
        #expect(Self.stderr(of: result).contains("backward() needs a one-element tensor, got shape [2, 3]"))
    }

    @Test func misalignedMatmul() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = matmul(Tensor.ones(2, 3), Tensor.ones(4, 5))
        }
        #expect(Self.stderr(of: result).contains("matmul: shapes [2, 3] and [4, 5] are not aligned: 3 (dim 1) != 4 (dim 0)"))
    }

    @Test func broadcastingFailure() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.ones(2, 3) + Tensor.ones(4)
        }
        #expect(Self.stderr(of: result).contains("+: shapes [2, 3] and [4] cannot be broadcast"))
    }

    @Test func badReshape() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = Tensor.arange(6).reshaped(4, -1)
        }
        #expect(Self.stderr(of: result).contains("reshaped: shape [4, -1] is invalid for a tensor of shape [6] (6 elements)"))
    }
}
