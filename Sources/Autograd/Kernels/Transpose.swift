// Swapping two axes: the elements copied into the row-major order of the new shape.

/// x (shape) with axes a and b swapped → (shape with a and b swapped), row-major.
/// Walks the result one innermost row at a time, reading x with its strides in the
/// result's axis order. `NaiveKernels.transpose` is the reference.
func transposeScalars(_ x: [Float], _ shape: [Int], _ a: Int, _ b: Int) -> [Float] {
    var newShape = shape
    newShape.swapAt(a, b)
    // Strides of x, read in the order of the result's axes.
    var strides = [Int](repeating: 0, count: shape.count)
    var step = 1
    for i in stride(from: shape.count - 1, through: 0, by: -1) { strides[i] = step; step *= shape[i] }
    strides.swapAt(a, b)
    let total = x.count
    guard total > 0 else { return [] }
    let inner = strides.last ?? 0
    return [Float](unsafeUninitializedCapacity: total) { out, initialized in
        x.withUnsafeBufferPointer { x in
            forEachBroadcastRow(shape: newShape, strides: [strides]) { o, offsets, n in
                for j in 0..<n { out[o + j] = x[offsets[0] + j * inner] }
            }
        }
        initialized = total
    }
}

extension NaiveKernels {
    /// The same contract as `transposeScalars`: every output element found from its index.
    static func transpose(_ x: [Float], _ shape: [Int], _ a: Int, _ b: Int) -> [Float] {
        var newShape = shape, strides = [Int](repeating: 1, count: shape.count)
        for i in stride(from: shape.count - 2, through: 0, by: -1) { strides[i] = strides[i + 1] * shape[i + 1] }
        newShape.swapAt(a, b)
        strides.swapAt(a, b)
        return (0..<x.count).map { i in x[offset(of: i, in: newShape, strides: strides)] }
    }
}
