import Foundation
import Testing
@testable import Autograd

/// Cases drawn from a seeded generator: shapes of rank 0 to 4 with sizes from 0 to 5 (0
/// rarely), values from a normal distribution.
struct CaseGenerator {
    var random: Xoshiro256StarStar

    init(seed: UInt64) { random = Xoshiro256StarStar(seed: seed) }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(random.next() >> 11) * 0x1p-53 < p }

    /// A shape of rank in `ranks`, each size in 1...5, or 0 with probability `empty`.
    mutating func shape(ranks: ClosedRange<Int> = 0...4, empty: Double = 0.05) -> [Int] {
        (0..<int(ranks)).map { _ in chance(empty) ? 0 : int(1...5) }
    }

    /// `count` normal values.
    mutating func values(_ count: Int) -> [Float] { random.normals(count) }

    /// `count` small whole numbers (many ties, and sums that are exact in any order).
    mutating func wholeValues(_ count: Int) -> [Float] { (0..<count).map { _ in Float(int(-3...3)) } }

    /// A shape that broadcasts to `shape`: some leading axes dropped, some sizes made 1.
    mutating func operandShape(broadcastingTo shape: [Int]) -> [Int] {
        let kept = Array(shape.dropFirst(int(0...shape.count)))
        return kept.map { chance(0.4) ? 1 : $0 }
    }
}

/// Every fast kernel against the plain reference beside it, on many generated shapes and
/// values. Where the two add the same numbers in the same order they must agree exactly;
/// a tolerance appears only where the summation order differs, and says why.
@Suite struct KernelReferenceTests {
    /// Σ x in sixteen SIMD lanes against one running sum: lengths around the SIMD width and random ones.
    @Test func simdSumMatchesRunningSum() {
        var cases = CaseGenerator(seed: 21)
        let lengths = [0, 1, 2, 15, 16, 17, 31, 32, 33, 47, 100, 1000, 4097] + (0..<50).map { _ in cases.int(0...300) }
        for n in lengths {
            let x = cases.values(n)
            let fast = sumScalars(x), reference = NaiveKernels.sum(x)
            if n < 16 {
                // No full SIMD block: both add the elements one by one in order.
                #expect(fast == reference, "length \(n)")
            } else {
                // Sixteen partial sums, then the tail: another order, so rounding may differ
                // by a few units in the last place of the magnitudes added.
                let magnitude = x.reduce(0) { $0 + Swift.abs($1) }
                #expect(Swift.abs(fast - reference) <= 1e-5 * magnitude, "length \(n): \(fast) vs \(reference)")
            }
            // Whole numbers add exactly in any order.
            let whole = cases.wholeValues(n)
            #expect(sumScalars(whole) == NaiveKernels.sum(whole), "length \(n), whole numbers")
        }
    }

    /// The broadcast kernel's fast paths (equal shapes, a one-element operand) and its row walk.
    @Test func broadcastMatchesReference() {
        var cases = CaseGenerator(seed: 22)
        // Edge cases first: rank 0, one-element operands, empty axes, size-1 axes on both sides.
        var pairs: [([Int], [Int])] = [
            ([], []), ([3], []), ([], [3]), ([1], [4]), ([2, 3], [2, 3]), ([2, 1], [1, 3]), ([0, 3], [3]),
            ([1, 1], [5]), ([4, 1, 17], [3, 1]),
        ]
        for _ in 0..<200 {
            let shape = cases.shape()
            pairs.append((cases.operandShape(broadcastingTo: shape), cases.operandShape(broadcastingTo: shape)))
        }
        for (aShape, bShape) in pairs {
            let shape = try! broadcastShape(aShape, bShape)
            let a = cases.values(aShape.reduce(1, *)), b = cases.values(bShape.reduce(1, *))
            let f: (Float, Float) -> Float = { 2 * $0 - $1 }  // not symmetric: a swapped operand shows
            #expect(broadcastScalars(a, aShape, b, bShape, to: shape, f) == NaiveKernels.broadcast(a, aShape, b, bShape, to: shape, f),
                    "\(aShape) and \(bShape) to \(shape)")
        }
    }

    /// Repeating along broadcast axes, and its adjoint, summing back.
    @Test func expandAndSumToShapeMatchReference() {
        var cases = CaseGenerator(seed: 23)
        for _ in 0..<200 {
            let shape = cases.shape()
            let target = cases.operandShape(broadcastingTo: shape)
            let x = cases.values(target.reduce(1, *))
            #expect(expandScalars(x, target, to: shape) == NaiveKernels.expand(x, target, to: shape), "\(target) to \(shape)")
            // Both add each gradient element into its target in the gradient's row-major order.
            let g = cases.values(shape.reduce(1, *))
            #expect(sumToShapeScalars(g, shape, to: target) == NaiveKernels.sumToShape(g, shape, to: target),
                    "\(shape) back to \(target)")
        }
    }

    /// Sums and maxima along one axis (maxima on whole numbers, so ties test the first-index rule).
    @Test func axisReductionsMatchReference() {
        var cases = CaseGenerator(seed: 24)
        for _ in 0..<200 {
            let shape = cases.shape(ranks: 1...4)
            let layout = axisSplit(shape, at: cases.int(0...(shape.count - 1)))
            let x = cases.values(shape.reduce(1, *))
            // Both add the slices along the axis in order, from 0.
            #expect(sumAlongAxis(x, layout) == NaiveKernels.sumAlongAxis(x, layout), "\(shape) split \(layout)")
            guard layout.n > 0 else { continue }
            let whole = cases.wholeValues(x.count)
            let fast = maxAlongAxis(whole, layout), reference = NaiveKernels.maxAlongAxis(whole, layout)
            #expect(fast.values == reference.values && fast.indices == reference.indices, "\(shape) split \(layout)")
        }
    }

    /// Slicing, placing a slice back, and joining.
    @Test func indexingMatchesReference() {
        var cases = CaseGenerator(seed: 25)
        for _ in 0..<200 {
            let shape = cases.shape(ranks: 1...4)
            let layout = axisSplit(shape, at: cases.int(0...(shape.count - 1)))
            let x = cases.values(shape.reduce(1, *))
            let lower = cases.int(0...layout.n), upper = cases.int(lower...layout.n)
            let slice = sliceScalars(x, layout, lower..<upper)
            #expect(slice == NaiveKernels.slice(x, layout, lower..<upper), "\(shape) split \(layout), \(lower)..<\(upper)")
            #expect(placeScalars(slice, in: layout, at: lower) == NaiveKernels.place(slice, in: layout, at: lower),
                    "\(shape) split \(layout), at \(lower)")
            let sizes = (0..<cases.int(1...4)).map { _ in cases.int(0...3) }
            let parts = sizes.map { cases.values(layout.outer * $0 * layout.inner) }
            #expect(concatScalars(parts, sizes: sizes, outer: layout.outer, inner: layout.inner)
                    == NaiveKernels.concat(parts, sizes: sizes, outer: layout.outer, inner: layout.inner),
                    "sizes \(sizes) around \(layout)")
        }
    }

    /// Swapping any two axes, including an axis with itself and axes of size 1.
    @Test func transposeMatchesReference() {
        var cases = CaseGenerator(seed: 26)
        for _ in 0..<200 {
            let shape = cases.shape(ranks: 2...5)
            let a = cases.int(0...(shape.count - 1)), b = cases.int(0...(shape.count - 1))
            let x = cases.values(shape.reduce(1, *))
            #expect(transposeScalars(x, shape, a, b) == NaiveKernels.transpose(x, shape, a, b), "\(shape) axes \(a), \(b)")
        }
    }

    /// BLAS against the triple loop, on both sides of `BLAS.smallRowCount` (sgemv row by row,
    /// then sgemm), every pair of transposes, and alpha/beta of any value. BLAS orders and fuses
    /// its multiply-adds its own way, so the results agree to rounding, relative to the terms.
    @Test func sgemmMatchesReference() {
        var cases = CaseGenerator(seed: 27)
        for _ in 0..<200 {
            let (m, n, k) = (cases.int(1...9), cases.int(1...7), cases.int(1...8))
            let (transposeA, transposeB) = (cases.chance(0.5), cases.chance(0.5))
            let alpha = Float(cases.int(-2...2)) / 2, beta: Float = cases.chance(0.3) ? 0 : Float(cases.int(-2...2)) / 2
            let a = cases.values(m * k), b = cases.values(k * n)
            let c0 = beta == 0 ? [Float](repeating: .nan, count: m * n) : cases.values(m * n)  // beta 0: C is not read
            let lda = transposeA ? m : k, ldb = transposeB ? k : n
            var fast = c0, slow = c0
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    fast.withUnsafeMutableBufferPointer { c in
                        BLAS.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                                   a: a.baseAddress!, lda: lda, b: b.baseAddress!, ldb: ldb, beta: beta, c: c.baseAddress!, ldc: n)
                    }
                    slow.withUnsafeMutableBufferPointer { c in
                        NaiveKernels.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                                           a: a.baseAddress!, lda: lda, b: b.baseAddress!, ldb: ldb, beta: beta, c: c.baseAddress!, ldc: n)
                    }
                }
            }
            #expect(zip(fast, slow).allSatisfy { Swift.abs($0 - $1) <= 1e-5 * Float(k + 1) * 4 },
                    "m \(m), n \(n), k \(k), transposes \(transposeA) \(transposeB), alpha \(alpha), beta \(beta)")
        }
    }

    /// A linear layer's forward kernel (bias written first, one BLAS product accumulating into
    /// it) against dot products plus bias, including no rows and no inputs. Agreement to
    /// rounding: BLAS adds in its own order.
    @Test func linearMatchesReference() {
        var cases = CaseGenerator(seed: 28)
        for _ in 0..<200 {
            let (rows, inFeatures, outFeatures) = (cases.int(0...9), cases.int(0...8), cases.int(1...7))
            let x = cases.values(rows * inFeatures), w = cases.values(outFeatures * inFeatures)
            let bias: [Float]? = cases.chance(0.5) ? cases.values(outFeatures) : nil
            let fast = linearScalars(x, weight: w, bias: bias, rows: rows, inFeatures: inFeatures, outFeatures: outFeatures)
            let slow = NaiveKernels.linear(x, weight: w, bias: bias, rows: rows, inFeatures: inFeatures, outFeatures: outFeatures)
            #expect(fast.count == slow.count && zip(fast, slow).allSatisfy { Swift.abs($0 - $1) <= 1e-4 },
                    "rows \(rows), in \(inFeatures), out \(outFeatures), bias \(bias != nil)")
        }
    }

    /// Stacks of products: one folded product when b is one matrix, one product per matrix
    /// otherwise, with broadcast batch axes and transposes. Agreement to rounding (BLAS's order).
    @Test func batchedMatmulMatchesReference() {
        var cases = CaseGenerator(seed: 29)
        for _ in 0..<200 {
            let batch = cases.shape(ranks: 0...3, empty: 0.02)
            let aBatch = cases.operandShape(broadcastingTo: batch)
            let bBatch = cases.chance(0.3) ? [] : cases.operandShape(broadcastingTo: batch)
            let (m, n, k) = (cases.int(1...6), cases.int(1...5), cases.int(1...5))
            let (transposeA, transposeB) = (cases.chance(0.4), cases.chance(0.4))
            let aShape = aBatch + (transposeA ? [k, m] : [m, k]), bShape = bBatch + (transposeB ? [n, k] : [k, n])
            let a = Tensor(shape: aShape, scalars: cases.values(aShape.reduce(1, *)))
            let b = Tensor(shape: bShape, scalars: cases.values(bShape.reduce(1, *)))
            let fast = batchedMatmul(a, b, transposeA: transposeA, transposeB: transposeB)
            let slow = NaiveKernels.batchedMatmul(a, b, transposeA: transposeA, transposeB: transposeB)
            #expect(fast.shape == slow.shape && zip(fast.scalars, slow.scalars).allSatisfy { Swift.abs($0 - $1) <= 1e-4 },
                    "\(aShape) · \(bShape), transposes \(transposeA) \(transposeB)")
        }
    }

    /// Column sums through sgemv against the plain loop, on both sides of `BLAS.vectorCallLength`.
    /// sgemv adds each column in its own order: agreement to rounding, relative to the rows added.
    @Test func columnSumsMatchReference() {
        var cases = CaseGenerator(seed: 30)
        let sizes = [(0, 3), (1, 1), (3, 0)] + (0..<40).map { _ in (cases.int(1...300), cases.int(1...40)) }
        for (rows, n) in sizes {
            let m = cases.values(rows * n)
            var slow = [Float](repeating: .nan, count: n)
            m.withUnsafeBufferPointer { a in
                slow.withUnsafeMutableBufferPointer { out in
                    guard let a = a.baseAddress, let out = out.baseAddress else { return }
                    NaiveKernels.columnSums(rows: rows, n: n, a: a, out: out)
                }
            }
            if rows == 0 { slow = [Float](repeating: 0, count: n) }
            let fast = columnSumScalars(m, rows: rows, n: n)
            #expect(fast.count == n && zip(fast, slow).allSatisfy { Swift.abs($0 - $1) <= 1e-5 * Float(rows + 1) },
                    "rows \(rows), n \(n)")
        }
    }

    /// `pow(2)` squares by one multiplication instead of calling `pow`; values and
    /// derivative agree with the general path (x·x and pow(x, 2) are both correctly rounded
    /// here; allowed one unit in the last place).
    @Test func squaringMatchesGeneralPower() {
        var cases = CaseGenerator(seed: 31)
        let x = Tensor(shape: [500], scalars: cases.values(500).map { $0 * 10 }, requiresGrad: true)
        let special = x.pow(2)
        let general = x.scalars.map { Foundation.pow($0, 2) }
        #expect(zip(special.scalars, general).allSatisfy { Swift.abs($0 - $1) <= $1.ulp })
        special.sum().backward()
        // d/dx x² = 2x on the fast path; p·xᵖ⁻¹ = 2·pow(x, 1) = 2x exactly on the general one.
        #expect(x.grad?.scalars == x.scalars.map { 2 * Foundation.pow($0, 1) })
    }
}
