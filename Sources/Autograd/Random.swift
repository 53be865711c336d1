import Foundation

/// The engine's random number generator: **xoshiro256\*\*** (Blackman and Vigna,
/// 2018) whose 256-bit state is filled from the seed by **splitmix64**.
/// Uniform floats take the top 24 bits of a draw (`(x >> 40) * 2⁻²⁴`, so in
/// [0, 1)); normal floats use the **Box–Muller** transform on two 53-bit
/// uniform doubles and use both results of each pair. Everything is integer
/// or IEEE-754 double arithmetic, so a seed gives the same values on every
/// run and every machine.
struct Xoshiro256StarStar {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    init(seed: UInt64) {
        var x = seed
        func splitmix64() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitmix64(), splitmix64(), splitmix64(), splitmix64())
    }

    mutating func next() -> UInt64 {
        let result = rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = rotl(s.3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in [0, 1) with 24 random bits (every Float of the form k·2⁻²⁴).
    mutating func nextUniformFloat() -> Float { Float(next() >> 40) * 0x1p-24 }

    /// Uniform in (0, 1] with 53 random bits.
    mutating func nextOpenUnitDouble() -> Double { (Double(next() >> 11) + 1) * 0x1p-53 }

    /// `count` standard normal values, Box–Muller: r = √(−2 ln u₁), θ = 2πu₂,
    /// values r·cos θ and r·sin θ.
    mutating func normals(_ count: Int) -> [Float] {
        var values: [Float] = []
        values.reserveCapacity(count + 1)
        while values.count < count {
            let r = (-2 * Foundation.log(nextOpenUnitDouble())).squareRoot()
            let theta = 2 * Double.pi * nextOpenUnitDouble()
            values.append(Float(r * Foundation.cos(theta)))
            values.append(Float(r * Foundation.sin(theta)))
        }
        return Array(values.prefix(count))
    }
}

/// A generator that any thread may draw from, guarded by a lock (the reason for
/// `@unchecked Sendable`): the one behind `rand`, `randn`, the initialisers and `manualSeed`.
final class RandomSource: @unchecked Sendable {
    /// The process-wide source, seeded with 0 when the process starts.
    static let global = RandomSource(seed: 0)
    /// A source that stands in for the global one in a `withRandomSource(seed:)` scope.
    @TaskLocal static var scoped: RandomSource?
    /// Where draws go: the scoped source if there is one, else the global one.
    static var current: RandomSource { scoped ?? global }

    private let lock = NSLock()
    private var generator: Xoshiro256StarStar

    init(seed: UInt64) { generator = Xoshiro256StarStar(seed: seed) }

    func reseed(_ seed: UInt64) {
        lock.withLock { generator = Xoshiro256StarStar(seed: seed) }
    }

    func draw<Result>(_ body: (inout Xoshiro256StarStar) -> Result) -> Result {
        lock.withLock { body(&generator) }
    }
}

/// Seeds the global generator (xoshiro256** seeded by splitmix64; see
/// `Xoshiro256StarStar`) so that `rand`/`randn` and layer initialisers produce
/// the same values on every run, as `torch.manual_seed(seed)` does for PyTorch
/// (the values differ from PyTorch's). The generator starts seeded with 0.
/// Inside a `withRandomSource(seed:)` scope it seeds that scope's generator instead.
public func manualSeed(_ seed: UInt64) {
    RandomSource.current.reseed(seed)
}

/// Runs `body` with a generator of its own, seeded with `seed`: `rand`, `randn`, the
/// initialisers and `manualSeed` inside the scope (and in tasks it starts) use it, and the
/// global generator is neither read nor changed. Tests use it, so that a seeded test draws
/// the same values however many other tests draw from the global generator at the same time.
package func withRandomSource<Result>(seed: UInt64, _ body: () throws -> Result) rethrows -> Result {
    try RandomSource.$scoped.withValue(RandomSource(seed: seed)) { try body() }
}

extension Tensor {
    /// Uniform random values in [0, 1) of the given shape: `Tensor.rand(2, 20)`.
    public static func rand(_ shape: Int..., requiresGrad: Bool = false) -> Tensor {
        rand(shape: shape, requiresGrad: requiresGrad)
    }

    /// Uniform random values in [0, 1) of the given shape.
    public static func rand(shape: [Int], requiresGrad: Bool = false) -> Tensor {
        let count = shape.reduce(1, *)
        let scalars = RandomSource.current.draw { g in (0..<count).map { _ in g.nextUniformFloat() } }
        return Tensor(shape: shape, scalars: scalars, requiresGrad: requiresGrad)
    }

    /// Standard normal random values (mean 0, variance 1): `Tensor.randn(2, 20)`.
    public static func randn(_ shape: Int..., requiresGrad: Bool = false) -> Tensor {
        randn(shape: shape, requiresGrad: requiresGrad)
    }

    /// Standard normal random values (mean 0, variance 1) of the given shape.
    public static func randn(shape: [Int], requiresGrad: Bool = false) -> Tensor {
        let count = shape.reduce(1, *)
        let scalars = RandomSource.current.draw { $0.normals(count) }
        return Tensor(shape: shape, scalars: scalars, requiresGrad: requiresGrad)
    }

    /// Uniform random values in [low, high) of the given shape (PyTorch's `uniform_`),
    /// as used by layer initialisers: `Tensor.uniform(-1, 1, shape: [2, 3])`.
    public static func uniform(_ low: Float, _ high: Float, shape: [Int], requiresGrad: Bool = false) -> Tensor {
        require(low <= high, "uniform: low \(low) must not exceed high \(high)")
        let count = shape.reduce(1, *)
        let scalars = RandomSource.current.draw { g in
            (0..<count).map { _ in low + (high - low) * g.nextUniformFloat() }
        }
        return Tensor(shape: shape, scalars: scalars, requiresGrad: requiresGrad)
    }

    /// Uniform random values in [low, high): `Tensor.uniform(-1, 1, 2, 3)`.
    public static func uniform(_ low: Float, _ high: Float, _ shape: Int..., requiresGrad: Bool = false) -> Tensor {
        uniform(low, high, shape: shape, requiresGrad: requiresGrad)
    }

    /// Normal random values with mean `mean` and standard deviation `std` (PyTorch's
    /// `torch.normal(mean, std, size)` and `normal_`): `Tensor.normal(mean: 0, std: 0.01, shape: [2, 3])`.
    public static func normal(mean: Float = 0, std: Float = 1, shape: [Int], requiresGrad: Bool = false) -> Tensor {
        require(std >= 0, "normal: std must be non-negative, got \(std)")
        let count = shape.reduce(1, *)
        let scalars = RandomSource.current.draw { $0.normals(count) }.map { mean + std * $0 }
        return Tensor(shape: shape, scalars: scalars, requiresGrad: requiresGrad)
    }

    /// Normal random values with mean `mean` and standard deviation `std`: `Tensor.normal(mean: 0, std: 0.01, 2, 3)`.
    public static func normal(mean: Float = 0, std: Float = 1, _ shape: Int..., requiresGrad: Bool = false) -> Tensor {
        normal(mean: mean, std: std, shape: shape, requiresGrad: requiresGrad)
    }

    /// Uniform random values in [0, 1) of `other`'s shape (PyTorch's `torch.rand_like`).
    public static func rand(like other: Tensor, requiresGrad: Bool = false) -> Tensor {
        rand(shape: other.shape, requiresGrad: requiresGrad)
    }

    /// Standard normal random values of `other`'s shape (PyTorch's `torch.randn_like`).
    public static func randn(like other: Tensor, requiresGrad: Bool = false) -> Tensor {
        randn(shape: other.shape, requiresGrad: requiresGrad)
    }
}
