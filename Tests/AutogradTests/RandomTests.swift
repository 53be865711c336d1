import Testing
@testable import Autograd

/// The generator's values come from an independent Python transcription of
/// splitmix64 + xoshiro256** + Box–Muller, so they are the algorithm's, not ours.
/// Seeded tests draw from a generator of their own (`withRandomSource(seed:)`), never from the
/// global one that other tests running at the same time draw from, so they may run in parallel.
@Suite struct RandomTests {
    @Test func xoshiroMatchesTheReferenceAlgorithm() {
        var g = Xoshiro256StarStar(seed: 42)
        #expect((0..<4).map { _ in g.next() } ==
                [1546998764402558742, 6990951692964543102, 12544586762248559009, 17057574109182124193])
        var u = Xoshiro256StarStar(seed: 42)
        #expect((0..<4).map { _ in u.nextUniformFloat() } == [0.08386296, 0.37898022, 0.6800434, 0.9246929])
        var n = Xoshiro256StarStar(seed: 42)
        let normals = n.normals(2)
        #expect(Swift.abs(normals[0] - -1.6132237) < 1e-6 && Swift.abs(normals[1] - 1.5344873) < 1e-6)
    }

    @Test func manualSeedRepeatsValues() {
        withRandomSource(seed: 0) {
            manualSeed(42)
            let a = Tensor.rand(3, 4), b = Tensor.randn(5)
            manualSeed(42)
            #expect(Tensor.rand(3, 4).scalars == a.scalars)
            #expect(Tensor.randn(5).scalars == b.scalars)
            #expect(a.scalars == [0.08386296, 0.37898022, 0.6800434, 0.9246929] + a.scalars.dropFirst(4))
            manualSeed(43)
            #expect(Tensor.rand(3, 4).scalars != a.scalars)
        }
    }

    @Test func distributionsHaveTheRightMoments() {
        var g = Xoshiro256StarStar(seed: 1)
        let uniform = (0..<100_000).map { _ in Double(g.nextUniformFloat()) }
        #expect(uniform.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(Swift.abs(uniform.reduce(0, +) / 100_000 - 0.5) < 0.005)
        let normal = g.normals(100_001).map(Double.init)
        #expect(normal.count == 100_001)
        let mean = normal.reduce(0, +) / Double(normal.count)
        let variance = normal.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(normal.count)
        #expect(Swift.abs(mean) < 0.01 && Swift.abs(variance - 1) < 0.02)
        let withinOneSigma = Double(normal.filter { Swift.abs($0) < 1 }.count) / Double(normal.count)
        #expect(Swift.abs(withinOneSigma - 0.6827) < 0.01)
    }

    @Test func uniformRangeAndShapes() {
        withRandomSource(seed: 3) {
            let u = Tensor.uniform(-2, 2, shape: [1000])
            #expect(u.scalars.allSatisfy { $0 >= -2 && $0 < 2 })
            #expect(Tensor.randn(2, 20).shape == [2, 20])
            #expect(Tensor.rand(shape: [3]).shape == [3])
        }
    }

    @Test func aScopeDrawsFromItsOwnGenerator() {
        let inScope = withRandomSource(seed: 42) { Tensor.rand(4).scalars }
        #expect(inScope == [0.08386296, 0.37898022, 0.6800434, 0.9246929])
        // Draws in a nested scope do not move the outer scope's generator.
        let interleaved = withRandomSource(seed: 42) { () -> [Float] in
            let first = Tensor.rand(2).scalars
            _ = withRandomSource(seed: 7) { Tensor.randn(100) }
            return first + Tensor.rand(2).scalars
        }
        #expect(interleaved == inScope)
    }
}
