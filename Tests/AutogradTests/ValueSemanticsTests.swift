import Testing
@testable import Autograd

/// Every in-place change reaches only the variable it is made through (copy-on-write).
@Suite struct ValueSemanticsTests {
    @Test func addInPlaceLeavesCopiesAndTheirGradientsAlone() {
        var w = Tensor([1, 2, 3], requiresGrad: true)
        (w * w).sum().backward()
        let kept = w
        w.addInPlace(Tensor([1, 1, 1]), alpha: -0.5)
        #expect(kept.scalars == [1, 2, 3])
        #expect(w.scalars == [0.5, 1.5, 2.5])
        #expect(w.grad?.scalars == [2, 4, 6], "the gradient travels with the changed tensor")
        #expect(kept.grad?.scalars == [2, 4, 6])
    }

    @Test func aUniqueTensorIsChangedWithoutACopy() {
        var w = Tensor([1, 2, 3])
        let buffer = w.storage.withUnsafeBufferPointer { $0.baseAddress }
        w.addInPlace(Tensor([1, 1, 1]))
        w.multiplyInPlace(by: 2)
        w[0] = 4
        #expect(w.storage.withUnsafeBufferPointer { $0.baseAddress } == buffer)
        #expect(w.scalars == [4, 6, 8])
    }

    @Test func aGraphKeepsTheValuesItWasBuiltWithAndStillReachesTheLeaf() {
        var w = Tensor([1, 2], requiresGrad: true)
        let x = Tensor([3, 4], requiresGrad: true)
        let loss = (w * x).sum()   // saves w and x for its backward
        w.addInPlace(Tensor([100, 100]))
        loss.backward()
        #expect(x.grad?.scalars == [1, 2], "d/dx uses w's values of the forward pass")
        #expect(w.grad?.scalars == [3, 4], "the gradient reaches the changed leaf")
        #expect(w.scalars == [101, 102])
    }

    @Test func compoundAssignmentLeavesCopiesAlone() {
        let original = Tensor([1, 2, 3])
        var changed = original
        changed += 1
        changed *= Tensor([2, 2, 2])
        changed -= 0.5
        changed /= 2
        #expect(original.scalars == [1, 2, 3])
        #expect(changed.scalars == [1.75, 2.75, 3.75])
    }

    @Test func compoundAssignmentInsideNoGradKeepsALeafThatRequiresGrad() {
        var w = Tensor([1, 2], requiresGrad: true)
        (w * 3).sum().backward()
        let before = w
        noGrad { w -= 0.5 * w.grad! }
        #expect(w.scalars == [-0.5, 0.5])
        #expect(w.isLeaf && w.requiresGrad)
        #expect(w.grad?.scalars == [3, 3])
        #expect(before.scalars == [1, 2])
    }

    @Test func compoundAssignmentOnARecordedResultIsRecorded() {
        let x = Tensor([1, 2], requiresGrad: true)
        var y = x * 1
        y /= 2
        #expect(y.gradFn == "DivBackward0")
        y.sum().backward()
        #expect(x.grad?.scalars == [0.5, 0.5])
    }

    @Test func elementAssignmentLeavesCopiesAlone() {
        var w = Tensor([[1, 2], [3, 4]])
        let snapshot = w
        w[0, 0] = 42
        w[1] = Tensor([7, 8])
        #expect(w.scalars == [42, 2, 7, 8])
        #expect(snapshot.scalars == [1, 2, 3, 4])
    }

    @Test func copyAndInitialValuesLeaveCopiesAlone() {
        var w = Tensor.ones(2, 2)
        let snapshot = w
        w.copy(from: Tensor([5, 6]))   // broadcast over the rows
        #expect(w.scalars == [5, 6, 5, 6])
        #expect(snapshot.scalars == [1, 1, 1, 1])
    }

    @Test func accumulatingAGradientLeavesAnEarlierReadingAlone() {
        let w = Tensor([1, 2], requiresGrad: true)
        (w * w).sum().backward()
        let first = w.grad!
        (w * w).sum().backward()
        #expect(first.scalars == [2, 4])
        #expect(w.grad?.scalars == [4, 8])
    }

    @Test func aGradientNothingElseHoldsIsAccumulatedInItsOwnBuffer() {
        let w = Tensor([1, 2], requiresGrad: true)
        (w * w).sum().backward()
        let buffer = w.grad!.storage.withUnsafeBufferPointer { $0.baseAddress }
        (w * w).sum().backward()
        #expect(w.grad!.storage.withUnsafeBufferPointer { $0.baseAddress } == buffer)
        #expect(w.grad?.scalars == [4, 8])
    }

    @Test func accumulationMatchesThePlainSum() {
        var g = Xoshiro256StarStar(seed: 14)
        let a = Tensor(shape: [3, 4], scalars: g.normals(12)), b = Tensor(shape: [3, 4], scalars: g.normals(12))
        var fast = a
        fast.accumulate(b)
        #expect(fast == a + b)
        #expect(a.scalars != fast.scalars, "the tensor it was copied from keeps its values")
        let row = Tensor(shape: [4], scalars: g.normals(4))
        var broadcast = a
        broadcast.accumulate(row)   // a shape that differs takes the plain path
        #expect(broadcast == a + row)
    }

    @Test func aValueUsedTwiceGetsBothContributions() {
        let x = Tensor([1, 2, 3], requiresGrad: true)
        let y = x * 2
        (y * y + y).sum().backward()   // d/dx (4x² + 2x) = 8x + 2
        #expect(x.grad?.scalars == [10, 18, 26])
    }

    @Test func changingAGradientInPlaceLeavesAnEarlierReadingAlone() {
        let w = Tensor([1, 2], requiresGrad: true)
        (w * w).sum().backward()
        let first = w.grad!
        w.grad!.multiplyInPlace(by: 10)
        #expect(first.scalars == [2, 4])
        #expect(w.grad?.scalars == [20, 40])
    }

    @Test func aCloneIsIndependentAndRecorded() {
        let w = Tensor([1, 2], requiresGrad: true)
        var c = noGrad { w.clone() }
        c.addInPlace(Tensor([1, 1]))
        #expect(w.scalars == [1, 2])
        let recorded = w.clone()
        #expect(recorded.gradFn == "CloneBackward0")
        (recorded * 3).sum().backward()
        #expect(w.grad?.scalars == [3, 3])
    }
}
