import Testing
@testable import Autograd

/// Forward values, checked against values PyTorch gives for the same inputs.
@Suite struct OperationValueTests {
    static func close(_ a: [Float], _ b: [Float], tolerance: Float = 1e-5) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { Swift.abs($0 - $1) <= tolerance * Swift.max(1, Swift.abs($1)) }
    }

    @Test func broadcastingArithmetic() {
        let x = Tensor([[1, 2, 3], [4, 5, 6]])
        #expect((x - x.mean()).scalars == [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5])
        #expect((x + Tensor([10, 20, 30])).scalars == [11, 22, 33, 14, 25, 36])
        #expect((x * Tensor([[2], [3]])).scalars == [2, 4, 6, 12, 15, 18])
        #expect((Tensor([[1], [2]]) + Tensor([10, 20])).shape == [2, 2])
        #expect((Tensor([[1], [2]]) + Tensor([10, 20])).scalars == [11, 21, 12, 22])
        #expect((1 / Tensor([2, 4])).scalars == [0.5, 0.25])
        var y = x
        y /= 2
        #expect(y.scalars == [0.5, 1, 1.5, 2, 2.5, 3])
        #expect(x.scalars == [1, 2, 3, 4, 5, 6])
    }

    @Test func reductions() {
        let x = Tensor([[1, 5, 3], [4, 2, 6]])
        #expect(x.sum().item() == 21)
        #expect(x.sum(axis: 0).scalars == [5, 7, 9])
        #expect(x.sum(axis: -1, keepDims: true).shape == [2, 1])
        #expect(x.mean(axis: 1).scalars == [3, 4])
        #expect(x.max().item() == 6)
        #expect(x.max(axis: 0).scalars == [4, 5, 6])
        #expect(x.max(axis: 1, keepDims: true).scalars == [5, 6])
    }

    @Test func activations() {
        // torch.softmax(torch.tensor([[1., 2., 3.]]), 1), torch.log_softmax(...), sigmoid, tanh
        let x = Tensor([[1, 2, 3]])
        #expect(Self.close(softmax(x, axis: 1).scalars, [0.09003057, 0.24472847, 0.66524096]))
        #expect(Self.close(logSoftmax(x, axis: 1).scalars, [-2.4076059, -1.4076059, -0.40760595]))
        #expect(Self.close(sigmoid(Tensor([0, 2])).scalars, [0.5, 0.880797]))
        #expect(Self.close(tanh(Tensor([0.5])).scalars, [0.46211716]))
        #expect(Self.close(softmax(Tensor([1000, 1000]), axis: 0).scalars, [0.5, 0.5]))
    }

    @Test func matmulShapesAndValues() {
        let a = Tensor([[1, 2], [3, 4]]), v = Tensor([1, 1])
        #expect(matmul(a, a).scalars == [7, 10, 15, 22])
        #expect(matmul(a, v).scalars == [3, 7])
        #expect(matmul(v, a).scalars == [4, 6])
        #expect(matmul(v, v).shape == [])
        #expect(matmul(Tensor.ones(5, 2, 3), Tensor.ones(3, 4)).shape == [5, 2, 4])
        #expect(matmul(Tensor.ones(2, 1, 2, 3), Tensor.ones(3, 3, 4)).shape == [2, 3, 2, 4])
        #expect(linear(Tensor([[1, 2]]), Tensor([[1, 0], [0, 1], [1, 1]]), Tensor([0, 10, 100])).scalars == [1, 12, 103])
    }

    @Test func shapesAndIndexing() {
        let x = Tensor.arange(6).reshaped(2, 3)
        #expect(x.reshaped(-1, 2).shape == [3, 2])
        #expect(x.transposed().scalars == [0, 3, 1, 4, 2, 5])
        #expect(Tensor.arange(24).reshaped(2, 3, 4).transposed(0, 2).shape == [4, 3, 2])
        #expect(Tensor.arange(24).reshaped(2, 3, 4).transposed(0, 2)[1][2].scalars == [9, 21])
        #expect(x[1].scalars == [3, 4, 5])
        #expect(x[-1].shape == [3])
        #expect(x[0..<1].shape == [1, 3])
        #expect(x.slice(axis: 1, 1..<3).scalars == [1, 2, 4, 5])
        #expect(concat([x, x], axis: 1).scalars == [0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5])
        #expect(stack([x, x], axis: 1).shape == [2, 2, 3])
        #expect(stack([Tensor([1, 2]), Tensor([3, 4])], axis: 1).scalars == [1, 3, 2, 4])
    }

    @Test func gradientsOfAComposedFunctionMatchPyTorch() {
        // The same expression in torch 2.13: values printed by x.grad.tolist() etc.
        let x = Tensor([[1, 2], [3, 4]], requiresGrad: true)
        let w = Tensor([[0.5, -1], [2, 0.25]], requiresGrad: true)
        let b = Tensor([0.1, -0.2], requiresGrad: true)
        let h = tanh(matmul(x, w) + b)
        let picked = logSoftmax(h, axis: 1).slice(axis: 1, 0..<1).reshaped(-1)
        let loss = (picked * Tensor([1, 2])).sum() + sigmoid(h).max() + (h / 3).pow(2).mean()
        loss.backward()
        #expect(Self.close([loss.item()], [0.3802921772003174]))
        #expect(Self.close(x.grad!.scalars, [0.12761259, -0.031711712, 0.014270003, -0.0035675007], tolerance: 1e-6))
        #expect(Self.close(w.grad!.scalars, [9.0087116e-05, -0.17037755, 0.00018017423, -0.31221509], tolerance: 1e-6))
        #expect(Self.close(b.grad!.scalars, [9.0087116e-05, -0.14183755], tolerance: 1e-6))
    }

    @Test func errorMessagesNameTheShapes() throws {
        #expect(throws: BroadcastError.self) { try broadcastShape([2, 3], [4]) }
        do {
            _ = try broadcastShape([2, 3], [4])
        } catch {
            #expect(error.description == "shapes [2, 3] and [4] cannot be broadcast: size 3 and size 4 at axis -1 (counting from the last) must be equal or one of them 1")
        }
        #expect(try broadcastShape([4, 1, 3], [2, 1]) == [4, 2, 3])
        #expect(matmulAlignmentMessage([2, 3], [4, 5]) == "matmul: shapes [2, 3] and [4, 5] are not aligned: 3 (dim 1) != 4 (dim 0)")
        #expect(matmulAlignmentMessage([2, 3], [3, 5]) == nil)
        #expect(matmulAlignmentMessage([], [3]) != nil)
    }
}
