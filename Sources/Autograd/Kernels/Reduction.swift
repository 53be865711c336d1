// Sums and maxima over contiguous buffers: of all elements, along one axis of an
// (outer, n, inner) view, and back from a broadcast shape to an operand's shape.

/// Σ x, with sixteen independent partial sums so the loop vectorises (a single
/// running sum would wait on every addition); deterministic for a given count.
/// `NaiveKernels.sum` is the reference (one running sum: another summation order).
func sumScalars(_ x: UnsafeBufferPointer<Float>) -> Float {
    guard let start = x.baseAddress else { return 0 }
    var partial = SIMD16<Float>(repeating: 0)
    let blocks = x.count / 16
    let base = UnsafeRawPointer(start)
    for b in 0..<blocks {
        partial += base.loadUnaligned(fromByteOffset: b * 64, as: SIMD16<Float>.self)
    }
    var total = partial.sum()
    for i in (blocks * 16)..<x.count { total += x[i] }
    return total
}

/// Σ x, of an array.
func sumScalars(_ x: [Float]) -> Float { x.withUnsafeBufferPointer { sumScalars($0) } }

/// x (outer, n, inner) summed over n → (outer, inner), adding the n slices in order,
/// each as one contiguous row.
func sumAlongAxis(_ x: [Float], _ split: AxisSplit) -> [Float] {
    let (outer, n, inner) = split
    var out = [Float](repeating: 0, count: outer * inner)
    x.withUnsafeBufferPointer { x in
        out.withUnsafeMutableBufferPointer { out in
            for o in 0..<outer {
                for k in 0..<n {
                    let row = x.baseAddress! + (o * n + k) * inner
                    for i in 0..<inner { out[o * inner + i] += row[i] }
                }
            }
        }
    }
    return out
}

/// The maximum of x (outer, n, inner) over n → values (outer, inner), and for each
/// the index along n of its first occurrence. n must be at least 1.
func maxAlongAxis(_ x: [Float], _ split: AxisSplit) -> (values: [Float], indices: [Int]) {
    let (outer, n, inner) = split
    var values = [Float](repeating: -.infinity, count: outer * inner)
    var indices = [Int](repeating: 0, count: outer * inner)
    x.withUnsafeBufferPointer { x in
        for o in 0..<outer {
            for k in 0..<n {
                for i in 0..<inner where x[(o * n + k) * inner + i] > values[o * inner + i] {
                    values[o * inner + i] = x[(o * n + k) * inner + i]
                    indices[o * inner + i] = k
                }
            }
        }
    }
    return (values, indices)
}

/// The adjoint of `maxAlongAxis`: zeros (outer, n, inner) with g (outer, inner) written
/// where `indices` (outer, inner) point along n.
func scatterAlongAxis(_ g: [Float], indices: [Int], _ split: AxisSplit) -> [Float] {
    let (outer, n, inner) = split
    var out = [Float](repeating: 0, count: outer * n * inner)
    for o in 0..<outer {
        for i in 0..<inner { out[(o * n + indices[o * inner + i]) * inner + i] = g[o * inner + i] }
    }
    return out
}

/// g (shape) summed over the axes where `target` is broadcast → (target); `target`
/// broadcasts to `shape`. The adjoint of `expandScalars`: each element of g is added to
/// the element of `target` it was read from, in g's row-major order.
func sumToShapeScalars(_ g: [Float], _ shape: [Int], to target: [Int]) -> [Float] {
    let targetCount = target.reduce(1, *)
    if targetCount == g.count { return g }  // only size-1 axes added or removed: the same values
    var out = [Float](repeating: 0, count: targetCount)
    let strides = broadcastStrides(target, toRank: shape.count)
    let inner = strides.last ?? 0
    g.withUnsafeBufferPointer { g in
        out.withUnsafeMutableBufferPointer { out in
            forEachBroadcastRow(shape: shape, strides: [strides]) { o, offsets, n in
                for j in 0..<n { out[offsets[0] + j * inner] += g[o + j] }
            }
        }
    }
    return out
}

extension NaiveKernels {
    /// The same contract as `sumScalars`, with one running sum.
    static func sum(_ x: [Float]) -> Float {
        var total: Float = 0
        for value in x { total += value }
        return total
    }

    /// The same contract as `sumAlongAxis`: each output element summed on its own.
    static func sumAlongAxis(_ x: [Float], _ split: AxisSplit) -> [Float] {
        let (outer, n, inner) = split
        var out: [Float] = []
        for o in 0..<outer {
            for i in 0..<inner {
                var total: Float = 0
                for k in 0..<n { total += x[(o * n + k) * inner + i] }
                out.append(total)
            }
        }
        return out
    }

    /// The same contract as `maxAlongAxis`: each output element searched on its own.
    static func maxAlongAxis(_ x: [Float], _ split: AxisSplit) -> (values: [Float], indices: [Int]) {
        let (outer, n, inner) = split
        var values: [Float] = [], indices: [Int] = []
        for o in 0..<outer {
            for i in 0..<inner {
                var best = -Float.infinity, index = 0
                for k in 0..<n where x[(o * n + k) * inner + i] > best {
                    best = x[(o * n + k) * inner + i]
                    index = k
                }
                values.append(best)
                indices.append(index)
            }
        }
        return (values, indices)
    }

    /// The same contract as `sumToShapeScalars`: every element of g added to its target
    /// element, found from its index.
    static func sumToShape(_ g: [Float], _ shape: [Int], to target: [Int]) -> [Float] {
        var out = [Float](repeating: 0, count: target.reduce(1, *))
        let strides = broadcastStrides(target, toRank: shape.count)
        for i in g.indices { out[offset(of: i, in: shape, strides: strides)] += g[i] }
        return out
    }
}
