/// Two shapes that cannot be broadcast together, with PyTorch's rule in the message.
public struct BroadcastError: Error, CustomStringConvertible, Equatable {
    /// The left operand's shape.
    public let lhs: [Int]
    /// The right operand's shape.
    public let rhs: [Int]
    /// The axis, counted from the end (-1 is the last axis), where the sizes clash.
    public let axisFromEnd: Int

    /// Both shapes and the axis where they clash, with PyTorch's rule.
    public var description: String {
        let a = lhs[lhs.count + axisFromEnd], b = rhs[rhs.count + axisFromEnd]
        return "shapes \(lhs) and \(rhs) cannot be broadcast: size \(a) and size \(b) at axis \(axisFromEnd) (counting from the last) must be equal or one of them 1"
    }
}

/// The shape both operands broadcast to, by PyTorch's rule: align the shapes
/// at their last axes; each pair of sizes must be equal or one of them 1; a
/// missing leading axis counts as 1. `broadcastShape([2, 3], [3]) == [2, 3]`.
public func broadcastShape(_ lhs: [Int], _ rhs: [Int]) throws(BroadcastError) -> [Int] {
    if lhs == rhs { return lhs }
    let rank = max(lhs.count, rhs.count)
    var shape = [Int](repeating: 1, count: rank)
    for i in stride(from: 1, through: rank, by: 1) {
        let a = i <= lhs.count ? lhs[lhs.count - i] : 1
        let b = i <= rhs.count ? rhs[rhs.count - i] : 1
        guard a == b || a == 1 || b == 1 else { throw BroadcastError(lhs: lhs, rhs: rhs, axisFromEnd: -i) }
        shape[rank - i] = a == 1 ? b : a
    }
    return shape
}

/// The shape both operands broadcast to, or a stop naming `operation` and both shapes.
func broadcastShapeOrStop(_ lhs: [Int], _ rhs: [Int], _ operation: String) -> [Int] {
    do { return try broadcastShape(lhs, rhs) } catch {
        fatalError("\(operation): \(error)")
    }
}

/// Row-major strides of `shape` placed in a tensor of rank `rank` (leading
/// axes added), with stride 0 on every axis where `shape` has size 1 and is
/// broadcast: stepping along that axis re-reads the same element.
func broadcastStrides(_ shape: [Int], toRank rank: Int) -> [Int] {
    var strides = [Int](repeating: 0, count: rank)
    var step = 1
    for i in stride(from: shape.count - 1, through: 0, by: -1) {
        strides[rank - shape.count + i] = shape[i] == 1 ? 0 : step
        step *= shape[i]
    }
    return strides
}

extension Tensor {
    /// Sums a gradient of a broadcast result back to the shape of the operand it
    /// flows to (`shape` must broadcast to `self.shape`): the adjoint of
    /// broadcasting, applied once for every input in `backward()`.
    func summed(toShape target: [Int]) -> Tensor {
        if target == shape { return self }
        let targetCount = target.reduce(1, *)
        if targetCount == count { return Tensor(shape: target, scalars: scalars) }
        var out = [Float](repeating: 0, count: targetCount)
        let strides = broadcastStrides(target, toRank: rank)
        scalars.withUnsafeBufferPointer { g in
            out.withUnsafeMutableBufferPointer { out in
                forEachBroadcastRow(shape: shape, strides: [strides]) { o, offsets, n in
                    let inner = strides[strides.count - 1]
                    for j in 0..<n { out[offsets[0] + j * inner] += g[o + j] }
                }
            }
        }
        return Tensor(shape: target, scalars: out)
    }
}

/// Walks a row-major array of `shape` one innermost row at a time, calling
/// `body(outputOffset, operandOffsets, rowLength)`; each operand's offset
/// advances by its own `strides` (0 on broadcast axes).
@inline(__always)
func forEachBroadcastRow(shape: [Int], strides: [[Int]], _ body: (Int, [Int], Int) -> Void) {
    let rank = shape.count
    let total = shape.reduce(1, *)
    guard total > 0 else { return }
    let n = rank == 0 ? 1 : shape[rank - 1]
    var index = [Int](repeating: 0, count: max(rank - 1, 0))
    var offsets = [Int](repeating: 0, count: strides.count)
    var o = 0
    while o < total {
        body(o, offsets, n)
        o += n
        var axis = rank - 2
        while axis >= 0 {
            index[axis] += 1
            for k in 0..<strides.count { offsets[k] += strides[k][axis] }
            if index[axis] < shape[axis] { break }
            for k in 0..<strides.count { offsets[k] -= strides[k][axis] * shape[axis] }
            index[axis] = 0
            axis -= 1
        }
    }
}
