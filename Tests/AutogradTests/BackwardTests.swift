import Testing
@testable import Autograd

/// gradFn names were checked against torch 2.13.0+cpu (`type(t.grad_fn).__name__`).
@Suite struct BackwardTests {
    @Test func gradientOfSquareSum() {
        let v = Tensor([1, 2, 3], requiresGrad: true)
        let loss = (v * v).sum()
        loss.backward()
        #expect(v.grad?.scalars == [2, 4, 6])
        #expect(v.grad?.shape == [3])
    }

    @Test func gradientsAccumulateAcrossCallsAndReuse() {
        let x = Tensor(3, requiresGrad: true)
        let y = x * x + x  // x used three times: dy/dx = 2x + 1 = 7
        y.backward()
        #expect(x.grad?.item() == 7)
        y.backward()
        #expect(x.grad?.item() == 14)
        x.grad = nil
        (x * 2).backward()
        #expect(x.grad?.item() == 2)
    }

    @Test func broadcastGradientsAreSummedToOperandShapes() {
        let w = Tensor([[1, 2, 3], [4, 5, 6]], requiresGrad: true)
        let b = Tensor([10, 20, 30], requiresGrad: true)
        let s = Tensor(2, requiresGrad: true)
        ((w + b) * s).sum().backward()
        #expect(b.grad?.scalars == [4, 4, 4])
        #expect(b.grad?.shape == [3])
        #expect(s.grad?.scalars == [141])  // Σ(w + b) = 21 + 2·60
        #expect(w.grad?.scalars == [Float](repeating: 2, count: 6))
    }

    @Test func requiresGradPropagatesAndLeavesKeepGradOnly() {
        let a = Tensor([1, 2], requiresGrad: true), c = Tensor([3, 4])
        let h = a * c
        #expect(h.requiresGrad && !h.isLeaf && a.isLeaf)
        #expect(!(c + 1).requiresGrad)
        #expect((c + 1).gradFn == nil)
        h.sum().backward()
        #expect(h.grad == nil)
        #expect(c.grad == nil)
        #expect(a.grad?.scalars == [3, 4])
    }

    @Test func noGradAndDetachedCutTheGraph() {
        let a = Tensor([1, 2], requiresGrad: true)
        let inside = noGrad { a * 2 }
        #expect(!inside.requiresGrad && inside.gradFn == nil)
        #expect(noGrad { isGradEnabled } == false)
        #expect(isGradEnabled)
        let d = (a * 2).detached()
        #expect(!d.requiresGrad && d.isLeaf && d.scalars == [2, 4])
        let again = d.requiringGrad()
        #expect(again.requiresGrad && again.isLeaf)
    }

    @Test func deepChainsDoNotOverflowTheStack() {
        let x = Tensor(1, requiresGrad: true)
        var y = x
        for _ in 0..<20_000 { y = y + 1 }
        y.backward()
        #expect(x.grad?.item() == 1)
    }

    @Test func addInPlaceUpdatesOnlyTheVariableItIsCalledOn() {
        var p = Tensor([1, 2], requiresGrad: true)
        let copy = p
        p.addInPlace(Tensor([10, 10]), alpha: -0.5)
        #expect(p.scalars == [-4, -3])
        #expect(p.requiresGrad && p.isLeaf)
        #expect(copy.scalars == [1, 2])
        #expect(copy.requiresGrad)
    }

    @Test func leavesGetTheirOwnGradients() {
        let a = Tensor([1, 2], requiresGrad: true), b = Tensor([3, 4], requiresGrad: true)
        (a + b).sum().backward()  // AddBackward0 hands the same gradient to both
        a.grad!.addInPlace(Tensor([1, 1]))
        #expect(a.grad?.scalars == [2, 2])
        #expect(b.grad?.scalars == [1, 1])
    }

    @Test func gradFnNamesFollowPyTorch() {
        let a = Tensor([[1, 2], [3, 4]], requiresGrad: true)
        let v = Tensor([1, 2], requiresGrad: true)
        let b3 = Tensor.ones(2, 2, 2, requiresGrad: true)
        let names: [(Tensor, String)] = [
            (a + a, "AddBackward0"), (a + 1, "AddBackward0"), (a - a, "SubBackward0"), (1 - a, "RsubBackward1"),
            (a * a, "MulBackward0"), (a / a, "DivBackward0"), (a / 2, "DivBackward0"), (2 / a, "MulBackward0"),
            (-a, "NegBackward0"), (relu(a), "ReluBackward0"), (a.abs(), "AbsBackward0"), (a.exp(), "ExpBackward0"),
            (a.log(), "LogBackward0"), (a.sqrt(), "SqrtBackward0"), (a.sin(), "SinBackward0"), (a.cos(), "CosBackward0"),
            (a.pow(3), "PowBackward0"), (a.squared(), "PowBackward0"), (a.sum(), "SumBackward0"),
            (a.sum(axis: 0), "SumBackward1"), (a.mean(), "MeanBackward0"), (a.mean(axis: 1), "MeanBackward1"),
            (a.max(), "MaxBackward1"), (a.max(axis: 1), "MaxBackward0"), (matmul(a, a), "MmBackward0"),
            (matmul(v, v), "DotBackward0"), (matmul(a, v), "MvBackward0"), (matmul(b3, b3), "UnsafeViewBackward0"),
            (matmul(v, a), "SqueezeBackward4"), (matmul(b3, a), "UnsafeViewBackward0"), (matmul(a, b3), "CloneBackward0"),
            (matmul(v, b3), "UnsafeViewBackward0"), (matmul(b3, v), "UnsafeViewBackward0"),
            (linear(v, a, v), "ViewBackward0"), (linear(v, a), "SqueezeBackward4"), (linear(b3, a, v), "ViewBackward0"),
            (linear(b3, a), "UnsafeViewBackward0"),
            (linear(a, a, v), "AddmmBackward0"), (linear(a, a), "MmBackward0"), (a.reshaped(4), "ViewBackward0"),
            (a.transposed(), "TBackward0"), (b3.transposed(), "TransposeBackward0"), (a.transposed(0, 1), "TransposeBackward0"),
            (concat([a, a]), "CatBackward0"), (stack([a, a]), "StackBackward0"), (a[0], "SelectBackward0"),
            (a[0..<1], "SliceBackward0"), (a.slice(axis: 1, 0..<1), "SliceBackward0"), (sigmoid(a), "SigmoidBackward0"),
            (tanh(a), "TanhBackward0"), (softmax(a, axis: 1), "SoftmaxBackward0"),
            (logSoftmax(a, axis: 1), "LogSoftmaxBackward0"),
        ]
        for (tensor, name) in names { #expect(tensor.gradFn == name) }
    }
}

@Suite struct GradModeTests {
    @Test func noGradIsScopedToItsTaskAndReturnsTheValue() async {
        let value = noGrad { 42 }
        #expect(value == 42)
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { noGrad { isGradEnabled } }
            group.addTask { isGradEnabled }
            var results: [Bool] = []
            for await enabled in group { results.append(enabled) }
            #expect(results.sorted { !$0 && $1 } == [false, true])
        }
        #expect(isGradEnabled)
    }

    @Test func nestedNoGradRestoresOnExit() {
        noGrad {
            noGrad { }
            #expect(!isGradEnabled)
        }
        #expect(isGradEnabled)
    }
}
