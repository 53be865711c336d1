// Elementwise comparisons that give masks: 1 where the comparison holds, 0 where it
// does not, as Float tensors, so a mask multiplies straight into arithmetic:
// `w * (w.abs() .>= 5)` keeps the entries of magnitude at least 5 and zeroes the rest.
//
// The operators are the pointwise ones Swift's SIMD types use (`.==`, `.<`, ...):
// the plain `<` and `>` already compare a one-element tensor with a number and give a
// `Bool`, which loops need (`while x.abs().sum() > 1`). PyTorch's `w >= 5` gives a
// bool tensor that prints `True`/`False`; these masks print as `1.` and `0.`.

extension Tensor {
    /// 1 where `predicate(lhs, rhs)` holds, else 0, over the broadcast shape; never recorded.
    static func mask(_ lhs: Tensor, _ rhs: Tensor, _ symbol: String, _ predicate: (Float, Float) -> Bool) -> Tensor {
        let shape = broadcastShapeOrStop(lhs.shape, rhs.shape, symbol)
        let out = broadcastScalars(lhs.storage, lhs.shape, rhs.storage, rhs.shape, to: shape) {
            predicate($0, $1) ? 1 : 0
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// Elementwise `lhs == rhs` as a 0/1 mask (PyTorch's `lhs == rhs`, `torch.eq`).
    public static func .== (lhs: Tensor, rhs: Tensor) -> Tensor { mask(lhs, rhs, ".==", ==) }
    /// Elementwise `lhs != rhs` as a 0/1 mask (PyTorch's `lhs != rhs`, `torch.ne`).
    public static func .!= (lhs: Tensor, rhs: Tensor) -> Tensor { mask(lhs, rhs, ".!=", !=) }
    /// Elementwise `lhs < rhs` as a 0/1 mask (PyTorch's `lhs < rhs`, `torch.lt`).
    public static func .< (lhs: Tensor, rhs: Tensor) -> Tensor { mask(lhs, rhs, ".<", <) }
    /// Elementwise `lhs <= rhs` as a 0/1 mask (PyTorch's `lhs <= rhs`, `torch.le`).
    public static func .<= (lhs: Tensor, rhs: Tensor) -> Tensor { mask(lhs, rhs, ".<=", <=) }
    /// Elementwise `lhs > rhs` as a 0/1 mask (PyTorch's `lhs > rhs`, `torch.gt`).
    public static func .> (lhs: Tensor, rhs: Tensor) -> Tensor { mask(lhs, rhs, ".>", >) }
    /// Elementwise `lhs >= rhs` as a 0/1 mask (PyTorch's `lhs >= rhs`, `torch.ge`).
    public static func .>= (lhs: Tensor, rhs: Tensor) -> Tensor { mask(lhs, rhs, ".>=", >=) }

    /// 1 where an element equals `rhs`, else 0 (PyTorch's `t == 0.5`).
    public static func .== (lhs: Tensor, rhs: Float) -> Tensor { mask(lhs, Tensor(rhs), ".==", ==) }
    /// 1 where an element differs from `rhs`, else 0 (PyTorch's `t != 0.5`).
    public static func .!= (lhs: Tensor, rhs: Float) -> Tensor { mask(lhs, Tensor(rhs), ".!=", !=) }
    /// 1 where an element is less than `rhs`, else 0 (PyTorch's `t < 0.5`).
    public static func .< (lhs: Tensor, rhs: Float) -> Tensor { mask(lhs, Tensor(rhs), ".<", <) }
    /// 1 where an element is at most `rhs`, else 0 (PyTorch's `t <= 0.5`).
    public static func .<= (lhs: Tensor, rhs: Float) -> Tensor { mask(lhs, Tensor(rhs), ".<=", <=) }
    /// 1 where an element is greater than `rhs`, else 0 (PyTorch's `t > 0.5`).
    public static func .> (lhs: Tensor, rhs: Float) -> Tensor { mask(lhs, Tensor(rhs), ".>", >) }
    /// 1 where an element is at least `rhs`, else 0 (PyTorch's `t >= 0.5`).
    public static func .>= (lhs: Tensor, rhs: Float) -> Tensor { mask(lhs, Tensor(rhs), ".>=", >=) }
}

extension Tensor: Equatable {
    /// Whether both tensors have the same shape and the same values (PyTorch's
    /// `torch.equal(lhs, rhs)`). Gradients and `requiresGrad` are not compared; NaN
    /// equals nothing, as in PyTorch. For an elementwise mask use `.==`.
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.shape == rhs.shape && lhs.storage == rhs.storage
    }
}
