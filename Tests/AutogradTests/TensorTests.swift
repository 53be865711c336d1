import Testing
@testable import Autograd

@Suite struct TensorConstructionTests {
    @Test func literalsGiveShapesAndScalars() {
        #expect(Tensor([1, 2, 3]).shape == [3])
        #expect(Tensor([[1, 2], [3, 4], [5, 6]]).shape == [3, 2])
        #expect(Tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]).scalars == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(Tensor(3.5).shape == [])
        #expect(Tensor(3.5).item() == 3.5)
        #expect(Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]).rank == 2)
        #expect(Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]).count == 6)
    }

    @Test func factories() {
        #expect(Tensor.zeros(2, 3).scalars == [Float](repeating: 0, count: 6))
        #expect(Tensor.ones(shape: [2]).scalars == [1, 1])
        #expect(Tensor.full(7, 2, 2).scalars == [7, 7, 7, 7])
        #expect(Tensor.arange(5).scalars == [0, 1, 2, 3, 4])
        #expect(Tensor.arange(from: 0, to: 1, by: 0.25).scalars == [0, 0.25, 0.5, 0.75])
        #expect(Tensor.arange(from: 1, to: 2, by: 0.3).count == 4)  // torch.arange(1, 2, 0.3) has 4 elements
        #expect(Tensor.zeros(2, 3, requiresGrad: true).requiresGrad)
    }

    @Test func comparesOneElementTensorWithFloat() {
        let x = Tensor([0.5, -0.25])
        #expect(x.abs().sum() < 1)
        #expect(x.abs().sum() > 0.7)
        #expect(1 > x.abs().sum())
        #expect(x.sum() >= 0.25 && x.sum() <= 0.25)
    }
}
