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

extension Tensor {
    /// Sums a gradient of a broadcast result back to the shape of the operand it
    /// flows to (`shape` must broadcast to `self.shape`): the adjoint of
    /// broadcasting, applied once for every input in `backward()`.
    func summed(toShape target: [Int]) -> Tensor {
        if target == shape { return self }
        return Tensor(shape: target, scalars: sumToShapeScalars(storage, shape, to: target))
    }

    /// This tensor repeated along broadcast axes to `target` (the adjoint of `summed(toShape:)`).
    func expanded(toShape target: [Int]) -> Tensor {
        if target == shape { return self }
        return Tensor(shape: target, scalars: expandScalars(storage, shape, to: target))
    }
}
