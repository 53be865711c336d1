// How the kernels see row-major arrays. An operation along one axis views its operand as
// (outer, n, inner) around that axis, so its inner loops run over contiguous memory. A
// broadcast operand has one stride per axis, 0 where it has size 1 (every step re-reads the
// same element); the fast kernels walk such arrays one innermost row at a time, their
// references compute every element's offset from its index (`NaiveKernels.offset`).

/// A row-major array seen around one axis: `outer` blocks (the axes before it), each of
/// `n` slices (the axis), each of `inner` contiguous elements (the axes after it).
typealias AxisSplit = (outer: Int, n: Int, inner: Int)

/// `shape` seen around `axis` as (outer, n, inner).
func axisSplit(_ shape: [Int], at axis: Int) -> AxisSplit {
    (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
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

/// Walks a row-major array of `shape` one innermost row at a time, calling
/// `body(outputOffset, operandOffsets, rowLength)`; each operand's offset
/// advances by its own `strides` (0 on broadcast axes). A 0-d shape is one row
/// of length 1; a shape with a 0 size has no rows.
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

extension NaiveKernels {
    /// The offset, in an operand with `strides`, of the element at row-major position
    /// `index` of `shape`: the index split into one coordinate per axis, each times its stride.
    static func offset(of index: Int, in shape: [Int], strides: [Int]) -> Int {
        var rest = index, offset = 0
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            offset += (rest % shape[axis]) * strides[axis]
            rest /= shape[axis]
        }
        return offset
    }
}
