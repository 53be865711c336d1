// + - * / with PyTorch broadcasting, between tensors and with a Float on
// either side. Each operation's local derivative sits beside its forward
// computation; gradients of broadcast operands are summed back in `backward()`.

extension Tensor {
    /// Elementwise `f(lhs, rhs)` over the broadcast shape, recorded as `gradFn`.
    @inline(__always)
    static func broadcasting(_ lhs: Tensor, _ rhs: Tensor, _ symbol: String, gradFn: String,
                             _ f: (Float, Float) -> Float,
                             backward: @escaping (Tensor) -> [Tensor?]) -> Tensor {
        let shape = broadcastShapeOrStop(lhs.shape, rhs.shape, symbol)
        let out = broadcastScalars(lhs.storage, lhs.shape, rhs.storage, rhs.shape, to: shape, f)
        return result(shape: shape, scalars: out, gradFn: gradFn, inputs: [lhs, rhs], backward: backward)
    }

    /// Elementwise sum with broadcasting. d/da = 1, d/db = 1.
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
        broadcasting(lhs, rhs, "+", gradFn: "AddBackward0", +) { g in [g, g] }
    }

    /// Elementwise difference with broadcasting. d/da = 1, d/db = -1.
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
        broadcasting(lhs, rhs, "-", gradFn: "SubBackward0", -) { g in [g, -g] }
    }

    /// Elementwise product with broadcasting. d/da = b, d/db = a.
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
        broadcasting(lhs, rhs, "*", gradFn: "MulBackward0", *) { g in [g * rhs, g * lhs] }
    }

    /// Elementwise quotient with broadcasting. d/da = 1/b, d/db = -a/b².
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
        broadcasting(lhs, rhs, "/", gradFn: "DivBackward0", /) { g in
            [g / rhs, -g * lhs / (rhs * rhs)]
        }
    }

    /// Elementwise negation. d/dx = -1.
    public static prefix func - (x: Tensor) -> Tensor {
        result(shape: x.shape, scalars: mapScalars(x.storage) { -$0 }, gradFn: "NegBackward0",
               inputs: [x]) { g in [-g] }
    }

    /// Applies `f(x, s)` to every element, recorded as `gradFn` with derivative `dfdx` (a constant).
    @inline(__always)
    static func withScalar(_ x: Tensor, gradFn: String, derivative: Float, _ f: (Float) -> Float) -> Tensor {
        result(shape: x.shape, scalars: mapScalars(x.storage, f), gradFn: gradFn, inputs: [x]) { g in
            [derivative == 1 ? g : g * derivative]
        }
    }

    /// Adds a number to every element.
    public static func + (lhs: Tensor, rhs: Float) -> Tensor {
        withScalar(lhs, gradFn: "AddBackward0", derivative: 1) { $0 + rhs }
    }

    /// Adds a number to every element.
    public static func + (lhs: Float, rhs: Tensor) -> Tensor {
        withScalar(rhs, gradFn: "AddBackward0", derivative: 1) { lhs + $0 }
    }

    /// Subtracts a number from every element.
    public static func - (lhs: Tensor, rhs: Float) -> Tensor {
        withScalar(lhs, gradFn: "SubBackward0", derivative: 1) { $0 - rhs }
    }

    /// Subtracts every element from a number (PyTorch's `RsubBackward1`).
    public static func - (lhs: Float, rhs: Tensor) -> Tensor {
        withScalar(rhs, gradFn: "RsubBackward1", derivative: -1) { lhs - $0 }
    }

    /// Multiplies every element by a number.
    public static func * (lhs: Tensor, rhs: Float) -> Tensor {
        withScalar(lhs, gradFn: "MulBackward0", derivative: rhs) { $0 * rhs }
    }

    /// Multiplies every element by a number.
    public static func * (lhs: Float, rhs: Tensor) -> Tensor {
        withScalar(rhs, gradFn: "MulBackward0", derivative: lhs) { lhs * $0 }
    }

    /// Divides every element by a number.
    public static func / (lhs: Tensor, rhs: Float) -> Tensor {
        withScalar(lhs, gradFn: "DivBackward0", derivative: 1 / rhs) { $0 / rhs }
    }

    /// Divides a number by every element: s/x, derivative -s/x². PyTorch
    /// computes it as `x.reciprocal() * s`, so the result prints `MulBackward0`.
    public static func / (lhs: Float, rhs: Tensor) -> Tensor {
        let out = mapScalars(rhs.storage) { lhs / $0 }
        return result(shape: rhs.shape, scalars: out, gradFn: "MulBackward0", inputs: [rhs]) { g in
            [-g * lhs / (rhs * rhs)]
        }
    }

    // Compound assignment changes only the variable it is applied to: other copies of the
    // old value are unchanged. When the graph records the operation (grad mode on and an
    // operand requires grad) the variable is rebound to the recorded result (`y = y + x`),
    // so gradients flow through it. Otherwise a leaf keeps its place: inside `noGrad { }`,
    // `w -= lr * w.grad!` leaves `w` a leaf that requires grad, with its gradient, as
    // PyTorch's in-place `w -= ...` does.

    /// `lhs = operation(lhs)`, keeping a leaf's `requiresGrad` and `grad` when nothing is recorded.
    @inline(__always)
    static func compoundAssign(_ lhs: inout Tensor, recording: Bool, _ operation: (Tensor) -> Tensor) {
        let result = operation(lhs)
        if !recording, lhs.isLeaf, lhs.requiresGrad, result.shape == lhs.shape {
            lhs.replaceScalars(with: result.storage, "compound assignment")
        } else {
            lhs = result
        }
    }

    /// Whether `lhs op rhs` would be recorded in the graph.
    @inline(__always)
    static func records(_ lhs: Tensor, _ rhs: Tensor? = nil) -> Bool {
        GradMode.isEnabled && (lhs.requiresGrad || rhs?.requiresGrad == true)
    }

    /// `lhs = lhs + rhs`; other copies of `lhs` keep their values.
    public static func += (lhs: inout Tensor, rhs: Tensor) { compoundAssign(&lhs, recording: records(lhs, rhs)) { $0 + rhs } }
    /// `lhs = lhs - rhs`; other copies of `lhs` keep their values.
    public static func -= (lhs: inout Tensor, rhs: Tensor) { compoundAssign(&lhs, recording: records(lhs, rhs)) { $0 - rhs } }
    /// `lhs = lhs * rhs`; other copies of `lhs` keep their values.
    public static func *= (lhs: inout Tensor, rhs: Tensor) { compoundAssign(&lhs, recording: records(lhs, rhs)) { $0 * rhs } }
    /// `lhs = lhs / rhs`; other copies of `lhs` keep their values.
    public static func /= (lhs: inout Tensor, rhs: Tensor) { compoundAssign(&lhs, recording: records(lhs, rhs)) { $0 / rhs } }
    /// `lhs = lhs + rhs`; other copies of `lhs` keep their values.
    public static func += (lhs: inout Tensor, rhs: Float) { compoundAssign(&lhs, recording: records(lhs)) { $0 + rhs } }
    /// `lhs = lhs - rhs`; other copies of `lhs` keep their values.
    public static func -= (lhs: inout Tensor, rhs: Float) { compoundAssign(&lhs, recording: records(lhs)) { $0 - rhs } }
    /// `lhs = lhs * rhs`; other copies of `lhs` keep their values.
    public static func *= (lhs: inout Tensor, rhs: Float) { compoundAssign(&lhs, recording: records(lhs)) { $0 * rhs } }
    /// `lhs = lhs / rhs`; other copies of `lhs` keep their values.
    public static func /= (lhs: inout Tensor, rhs: Float) { compoundAssign(&lhs, recording: records(lhs)) { $0 / rhs } }
}
