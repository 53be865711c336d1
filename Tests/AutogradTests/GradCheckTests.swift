import Testing
@testable import Autograd

/// Finite differences against backward() for every differentiable operation.
@Suite struct GradCheckTests {
    /// Random inputs (seeded) that require grad, shifted away from kinks at 0.
    static func inputs(_ shapes: [Int]..., positive: Bool = false) -> [Tensor] {
        // A local generator: other tests may reseed the global one concurrently.
        var generator = Xoshiro256StarStar(seed: 7)
        return shapes.map { shape in
            let count = shape.reduce(1, *)
            let scalars = positive ? (0..<count).map { _ in generator.nextUniformFloat() + 0.5 } : generator.normals(count)
            return Tensor(shape: shape, scalars: scalars, requiresGrad: true)
        }
    }

    static func check(_ inputs: [Tensor], _ f: ([Tensor]) -> Tensor) {
        let mismatches = gradcheckMismatches(inputs, f)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
    }

    @Test(arguments: [
        ([2, 3], [2, 3]), ([2, 3], [3]), ([3], [2, 3]), ([2, 1], [1, 3]), ([2, 3], []), ([4, 1, 3], [2, 1]),
    ])
    func arithmeticWithBroadcasting(_ a: [Int], _ b: [Int]) {
        Self.check(Self.inputs(a, b)) { $0[0] + $0[1] }
        Self.check(Self.inputs(a, b)) { $0[0] - $0[1] }
        Self.check(Self.inputs(a, b)) { $0[0] * $0[1] }
        Self.check(Self.inputs(a, b, positive: true)) { $0[0] / $0[1] }
    }

    @Test func arithmeticWithFloats() {
        let x = Self.inputs([2, 3], positive: true)
        Self.check(x) { $0[0] + 2 }
        Self.check(x) { 2 + $0[0] }
        Self.check(x) { $0[0] - 2 }
        Self.check(x) { 2 - $0[0] }
        Self.check(x) { $0[0] * 3 }
        Self.check(x) { 3 * $0[0] }
        Self.check(x) { $0[0] / 4 }
        Self.check(x) { 4 / $0[0] }
        Self.check(x) { -$0[0] }
        Self.check(x) { var y = $0[0]; y += 1; y *= $0[0]; y -= 2; y /= $0[0]; return y }
    }

    @Test func elementwise() {
        let x = Self.inputs([2, 3]), p = Self.inputs([2, 3], positive: true)
        Self.check(x) { relu($0[0]) }
        Self.check(x) { abs($0[0]) }
        Self.check(x) { exp($0[0]) }
        Self.check(p) { log($0[0]) }
        Self.check(p) { sqrt($0[0]) }
        Self.check(x) { sin($0[0]) }
        Self.check(x) { cos($0[0]) }
        Self.check(x) { pow($0[0], 3) }
        Self.check(p) { $0[0].pow(0.5) }
        Self.check(x) { $0[0].squared() }
        Self.check(p) { $0[0].reciprocal() }
        Self.check(x) { sigmoid($0[0]) }
        Self.check(x) { tanh($0[0]) }
    }

    @Test(arguments: [0, 1, -1])
    func softmaxes(_ axis: Int) {
        Self.check(Self.inputs([3, 4])) { softmax($0[0], axis: axis) }
        Self.check(Self.inputs([3, 4])) { logSoftmax($0[0], axis: axis) }
    }

    @Test func reductions() {
        let x = Self.inputs([2, 3, 4])
        Self.check(x) { $0[0].sum() }
        Self.check(x) { $0[0].mean() }
        Self.check(x) { $0[0].max() }
        for axis in [0, 1, 2, -1] {
            for keepDims in [false, true] {
                Self.check(x) { $0[0].sum(axis: axis, keepDims: keepDims) }
                Self.check(x) { $0[0].mean(axis: axis, keepDims: keepDims) }
                Self.check(x) { $0[0].max(axis: axis, keepDims: keepDims) }
            }
        }
    }

    @Test(arguments: [
        ([3], [3]), ([2, 3], [3]), ([3], [3, 4]), ([2, 3], [3, 4]), ([2, 2, 3], [2, 3, 4]),
        ([2, 2, 3], [3, 4]), ([3], [2, 3, 4]), ([2, 2, 3], [3]), ([2, 1, 2, 3], [3, 3, 2]), ([2, 3], [2, 3, 4]),
        ([6, 3], [3, 5]), ([3, 6, 2], [2, 5]), ([2, 6, 3], [2, 3, 7]),  // more than 4 rows: the sgemm path
    ])
    func matmuls(_ a: [Int], _ b: [Int]) {
        Self.check(Self.inputs(a, b)) { matmul($0[0], $0[1]) }
    }

    @Test func linearLayers() {
        Self.check(Self.inputs([4, 3], [5, 3], [5])) { linear($0[0], $0[1], $0[2]) }
        Self.check(Self.inputs([4, 3], [5, 3])) { linear($0[0], $0[1]) }
        Self.check(Self.inputs([7, 3], [5, 3], [5])) { linear($0[0], $0[1], $0[2]) }
        Self.check(Self.inputs([3], [5, 3], [5])) { linear($0[0], $0[1], $0[2]) }
        Self.check(Self.inputs([2, 2, 3], [5, 3], [5])) { linear($0[0], $0[1], $0[2]) }
    }

    @Test func shapesAndIndexing() {
        let x = Self.inputs([2, 3, 4])
        Self.check(x) { $0[0].reshaped(6, -1) }
        Self.check(x) { $0[0].transposed() }
        Self.check(x) { $0[0].transposed(0, 2) }
        Self.check(Self.inputs([3, 4])) { $0[0].transposed() }
        Self.check(x) { $0[0][1] }
        Self.check(x) { $0[0][-1] }
        Self.check(x) { $0[0][0..<1] }
        Self.check(x) { $0[0].slice(axis: 2, 1..<3) }
        Self.check(Self.inputs([2, 3], [2, 1])) { concat([$0[0], $0[1]], axis: 1) }
        Self.check(Self.inputs([2, 3], [1, 3])) { concat([$0[0], $0[1], $0[0]], axis: 0) }
        Self.check(Self.inputs([2, 3], [2, 3])) { stack([$0[0], $0[1]], axis: 1) }
        Self.check(Self.inputs([2, 3], [2, 3])) { stack([$0[0], $0[1]], axis: -1) }
    }

    @Test func composedGraphReusingValues() {
        Self.check(Self.inputs([4, 3], [3, 2], [2])) { xs in
            let h = relu(matmul(xs[0], xs[1]) + xs[2])
            return (h * h + h).logSoftmax(axis: 1).mean(axis: 0)
        }
    }

    @Test func leavesOtherLeavesGradientsAsTheyWere() {
        let weight = Tensor([[1, 2], [3, 4]], requiresGrad: true)
        #expect(gradcheck(Self.inputs([3, 2])) { matmul($0[0], weight) })
        #expect(weight.grad == nil)
    }

    @Test func detectsAWrongDerivative() {
        // A deliberately wrong local derivative must be caught.
        let wrong: ([Tensor]) -> Tensor = { xs in
            let x = xs[0]
            return Tensor.result(shape: x.shape, scalars: x.scalars.map { $0 * $0 }, gradFn: "Wrong", inputs: [x]) { g in
                [g * x]  // should be 2x
            }
        }
        #expect(!gradcheck(Self.inputs([3]), wrong))
    }
}
