import Testing
@testable import Autograd

@Suite struct ElementAccessTests {
    @Test func readingByIndexGivesSubTensorsAndNumbers() {
        let w = Tensor([[1, 2, 3], [4, 5, 6]])
        #expect(w[1] == Tensor([4, 5, 6]))
        #expect(w[1, 2].shape == [])
        #expect(w[1, 2].item() == 6)
        #expect(w[-1, -3].item() == 4)
        let element: Float = w[0, 1]
        #expect(element == 2)
        #expect(w[0, 1].description == "tensor(2.)")
    }

    @Test func selectingRecordsSelectBackward() {
        let w = Tensor([[1, 2], [3, 4]], requiresGrad: true)
        let picked = w[1, 0]
        #expect(picked.gradFn == "SelectBackward0")
        (picked * 5).backward()
        #expect(w.grad?.scalars == [0, 0, 5, 0])
        w.grad = nil
        (w[0] * Tensor([1, 2])).sum().backward()
        #expect(w.grad?.scalars == [1, 2, 0, 0])
    }

    @Test func assigningNumbersAndRows() {
        var w = Tensor.zeros(2, 3)
        w[0, 0] = 42
        w[1] = Tensor([1, 2, 3])
        w[0, 2] += 1
        #expect(w.scalars == [42, 0, 1, 1, 2, 3])
        w[1] = 0             // a number fills the selected row
        #expect(w.scalars == [42, 0, 1, 0, 0, 0])
        w[0] = Tensor(7)     // a 0-d tensor broadcasts too
        #expect(w.scalars == [7, 7, 7, 0, 0, 0])
    }

    @Test func assigningIntoALeafKeepsItALeafWithItsGradient() {
        var w = Tensor([1, 2], requiresGrad: true)
        (w * 2).sum().backward()
        w[0] = 10
        #expect(w.isLeaf && w.requiresGrad)
        #expect(w.grad?.scalars == [2, 2])
        #expect(w.scalars == [10, 2])
    }

    @Test func assigningIntoARecordedResultIsRecordedAsCopySlices() {
        let x = Tensor([1, 2, 3], requiresGrad: true)
        let v = Tensor(10, requiresGrad: true)
        var y = x * 2
        y[1] = v * 1
        #expect(y.gradFn == "CopySlices")
        #expect(y.scalars == [2, 10, 6])
        (y * Tensor([1, 2, 3])).sum().backward()
        #expect(x.grad?.scalars == [2, 0, 6])   // the overwritten element gets no gradient
        #expect(v.grad?.item() == 2)
    }
}

@Suite struct MaskAndEqualityTests {
    @Test func comparisonsGiveMasksUsableInArithmetic() {
        let w = Tensor([-7, 3, 5, -4.5])
        #expect((w.abs() .>= 5).scalars == [1, 0, 1, 0])
        #expect((w * (w.abs() .>= 5)).scalars == [-7, 0, 5, 0])
        #expect((w .< 0).scalars == [1, 0, 0, 1])
        #expect((w .> Tensor([0, 3, 4, 0])).scalars == [0, 0, 1, 0])
        #expect((w .== 3).scalars == [0, 1, 0, 0])
        #expect((w .!= 3).scalars == [1, 0, 1, 1])
        #expect((w .<= -4.5).scalars == [1, 0, 0, 1])
        #expect(!(Tensor([1, 2], requiresGrad: true) .> 1).requiresGrad)
    }

    @Test func equalityComparesShapeAndValues() {
        #expect(Tensor([1, 2]) == Tensor([1, 2]))
        #expect(Tensor([1, 2]) != Tensor([1, 3]))
        #expect(Tensor([[1, 2]]) != Tensor([1, 2]))
        #expect(Tensor([1, 2], requiresGrad: true) == Tensor([1, 2]))
    }

    @Test func oneElementComparisonsStillGiveBools() {
        var x = Tensor([8, 8])
        var halvings = 0
        while x.abs().sum() > 1 { x /= 2; halvings += 1 }
        #expect(halvings == 4)   // sums 16, 8, 4, 2, then 1
    }
}

@Suite struct FactoryTests {
    @Test func everyFactoryTakesTrailingIntegersAnArrayOrATensor() {
        let like = Tensor.zeros(2, 3)
        let shapes: [[Int]] = [
            Tensor.zeros(2, 3).shape, Tensor.zeros(shape: [2, 3]).shape, Tensor.zeros(like: like).shape,
            Tensor.ones(2, 3).shape, Tensor.ones(shape: [2, 3]).shape, Tensor.ones(like: like).shape,
            Tensor.full(7, 2, 3).shape, Tensor.full(7, shape: [2, 3]).shape, Tensor.full(7, like: like).shape,
            Tensor.rand(2, 3).shape, Tensor.rand(shape: [2, 3]).shape, Tensor.rand(like: like).shape,
            Tensor.randn(2, 3).shape, Tensor.randn(shape: [2, 3]).shape, Tensor.randn(like: like).shape,
            Tensor.uniform(-1, 1, 2, 3).shape, Tensor.uniform(-1, 1, shape: [2, 3]).shape,
            Tensor.normal(mean: 0, std: 2, 2, 3).shape, Tensor.normal(mean: 0, std: 2, shape: [2, 3]).shape,
        ]
        #expect(shapes.allSatisfy { $0 == [2, 3] })
        #expect(Tensor.full(7, like: like).scalars == [7, 7, 7, 7, 7, 7])
        #expect(like.numel() == 6)
    }

    @Test func normalHasItsMeanAndStandardDeviation() {
        withRandomSource(seed: 1) {
            let x = Tensor.normal(mean: 3, std: 0.5, 100_000)
            let mean = x.mean().item()
            let std = ((x - mean).squared().mean().item()).squareRoot()
            #expect(abs(mean - 3) < 0.01)
            #expect(abs(std - 0.5) < 0.01)
        }
    }
}
