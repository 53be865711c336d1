// Copies along one axis of an (outer, n, inner) view: taking a slice, putting one back
// (the slice's adjoint), and joining arrays. Each copies whole blocks of contiguous memory.

/// The slices `range` of the middle axis: x (outer, n, inner) → (outer, range.count, inner).
func sliceScalars(_ x: [Float], _ split: AxisSplit, _ range: Range<Int>) -> [Float] {
    let (outer, n, inner) = split
    let block = range.count * inner
    let total = outer * block
    guard total > 0 else { return [] }
    return [Float](unsafeUninitializedCapacity: total) { out, initialized in
        x.withUnsafeBufferPointer { x in
            for o in 0..<outer {
                (out.baseAddress! + o * block).update(from: x.baseAddress! + (o * n + range.lowerBound) * inner,
                                                      count: block)
            }
        }
        initialized = total
    }
}

/// The adjoint of `sliceScalars`: zeros (outer, n, inner) with x (outer, m, inner) written
/// at slices offset..<offset + m of the middle axis.
func placeScalars(_ x: [Float], in split: AxisSplit, at offset: Int) -> [Float] {
    let (outer, n, inner) = split
    var out = [Float](repeating: 0, count: outer * n * inner)
    guard outer > 0, !x.isEmpty else { return out }
    let block = x.count / outer
    x.withUnsafeBufferPointer { x in
        out.withUnsafeMutableBufferPointer { out in
            for o in 0..<outer {
                (out.baseAddress! + (o * n + offset) * inner).update(from: x.baseAddress! + o * block, count: block)
            }
        }
    }
    return out
}

/// Joins parts (outer, sizes[i], inner) along the middle axis → (outer, Σ sizes, inner).
func concatScalars(_ parts: [[Float]], sizes: [Int], outer: Int, inner: Int) -> [Float] {
    var out: [Float] = []
    out.reserveCapacity(outer * sizes.reduce(0, +) * inner)
    for o in 0..<outer {
        for (part, size) in zip(parts, sizes) {
            out.append(contentsOf: part[(o * size * inner)..<((o + 1) * size * inner)])
        }
    }
    return out
}

extension NaiveKernels {
    /// The same contract as `sliceScalars`, element by element.
    static func slice(_ x: [Float], _ split: AxisSplit, _ range: Range<Int>) -> [Float] {
        let (outer, n, inner) = split
        var out: [Float] = []
        for o in 0..<outer {
            for k in range {
                for i in 0..<inner { out.append(x[(o * n + k) * inner + i]) }
            }
        }
        return out
    }

    /// The same contract as `placeScalars`, element by element.
    static func place(_ x: [Float], in split: AxisSplit, at offset: Int) -> [Float] {
        let (outer, n, inner) = split
        var out = [Float](repeating: 0, count: outer * n * inner)
        let m = outer * inner == 0 ? 0 : x.count / (outer * inner)
        for o in 0..<outer {
            for k in 0..<m {
                for i in 0..<inner { out[(o * n + offset + k) * inner + i] = x[(o * m + k) * inner + i] }
            }
        }
        return out
    }

    /// The same contract as `concatScalars`, element by element.
    static func concat(_ parts: [[Float]], sizes: [Int], outer: Int, inner: Int) -> [Float] {
        var out: [Float] = []
        for o in 0..<outer {
            for (part, size) in zip(parts, sizes) {
                for k in 0..<size {
                    for i in 0..<inner { out.append(part[(o * size + k) * inner + i]) }
                }
            }
        }
        return out
    }
}
