// Tight loops over contiguous buffers for elementwise operations. Every
// kernel is `@inline(__always)` so the operation's closure is specialised into
// the loop rather than called per element.

/// out[i] = f(x[i]).
@inline(__always)
func mapScalars(_ x: [Float], _ f: (Float) -> Float) -> [Float] {
    [Float](unsafeUninitializedCapacity: x.count) { out, initialized in
        x.withUnsafeBufferPointer { x in
            for i in 0..<x.count { out[i] = f(x[i]) }
        }
        initialized = x.count
    }
}

/// out[i] = f(x[i], y[i]) for equal-length buffers.
@inline(__always)
func zipScalars(_ x: [Float], _ y: [Float], _ f: (Float, Float) -> Float) -> [Float] {
    [Float](unsafeUninitializedCapacity: x.count) { out, initialized in
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                for i in 0..<x.count { out[i] = f(x[i], y[i]) }
            }
        }
        initialized = x.count
    }
}

/// out = f(a, b) elementwise over the broadcast shape `shape` of `a` and `b`
/// (a: aShape, b: bShape, both broadcastable to `shape`; out: shape).
/// Fast paths: equal shapes (one zipped loop) and a one-element operand (one mapped
/// loop); otherwise one innermost row at a time. `NaiveKernels.broadcast` is the reference.
@inline(__always)
func broadcastScalars(_ a: [Float], _ aShape: [Int], _ b: [Float], _ bShape: [Int], to shape: [Int],
                      _ f: (Float, Float) -> Float) -> [Float] {
    let total = shape.reduce(1, *)
    if a.count == total && b.count == total && aShape == bShape { return zipScalars(a, b, f) }
    if b.count == 1 && a.count == total { let s = b[0]; return mapScalars(a) { f($0, s) } }
    if a.count == 1 && b.count == total { let s = a[0]; return mapScalars(b) { f(s, $0) } }
    let strides = [broadcastStrides(aShape, toRank: shape.count), broadcastStrides(bShape, toRank: shape.count)]
    let innerA = shape.isEmpty ? 0 : strides[0][shape.count - 1]
    let innerB = shape.isEmpty ? 0 : strides[1][shape.count - 1]
    return [Float](unsafeUninitializedCapacity: total) { out, initialized in
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                forEachBroadcastRow(shape: shape, strides: strides) { o, offsets, n in
                    let pa = a.baseAddress! + offsets[0], pb = b.baseAddress! + offsets[1]
                    for j in 0..<n { out[o + j] = f(pa[j * innerA], pb[j * innerB]) }
                }
            }
        }
        initialized = total
    }
}

/// out = x repeated along the broadcast axes of `shape` (x: xShape, which broadcasts
/// to `shape`; out: shape). Fast path: a one-element x fills the output.
/// `NaiveKernels.expand` is the reference.
func expandScalars(_ x: [Float], _ xShape: [Int], to shape: [Int]) -> [Float] {
    let total = shape.reduce(1, *)
    if x.count == 1 { return [Float](repeating: x[0], count: total) }
    let strides = [broadcastStrides(xShape, toRank: shape.count)]
    let inner = shape.isEmpty ? 0 : strides[0][shape.count - 1]
    return [Float](unsafeUninitializedCapacity: total) { out, initialized in
        x.withUnsafeBufferPointer { x in
            forEachBroadcastRow(shape: shape, strides: strides) { o, offsets, n in
                let p = x.baseAddress! + offsets[0]
                for j in 0..<n { out[o + j] = p[j * inner] }
            }
        }
        initialized = total
    }
}

extension NaiveKernels {
    /// The same contract as `broadcastScalars`: every output element on its own, its
    /// operands found from its index.
    static func broadcast(_ a: [Float], _ aShape: [Int], _ b: [Float], _ bShape: [Int], to shape: [Int],
                          _ f: (Float, Float) -> Float) -> [Float] {
        let aStrides = broadcastStrides(aShape, toRank: shape.count)
        let bStrides = broadcastStrides(bShape, toRank: shape.count)
        return (0..<shape.reduce(1, *)).map { i in
            f(a[offset(of: i, in: shape, strides: aStrides)], b[offset(of: i, in: shape, strides: bStrides)])
        }
    }

    /// The same contract as `expandScalars`.
    static func expand(_ x: [Float], _ xShape: [Int], to shape: [Int]) -> [Float] {
        let strides = broadcastStrides(xShape, toRank: shape.count)
        return (0..<shape.reduce(1, *)).map { i in x[offset(of: i, in: shape, strides: strides)] }
    }
}
