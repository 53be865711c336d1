import Foundation

// Elementwise functions of one tensor. Each records its local derivative
// beside the forward computation: the gradient flowing in is multiplied by
// f'(x), written with tensors so it reads like the formula.

extension Tensor {
    /// Applies `f` to every element; the result is recorded as `gradFn`.
    @inline(__always)
    func map(gradFn: String, _ f: (Float) -> Float, backward: @escaping (Tensor) -> [Tensor?]) -> Tensor {
        Tensor.result(shape: shape, scalars: mapScalars(storage, f), gradFn: gradFn, inputs: [self],
                      backward: backward)
    }

    /// max(x, 0). d/dx = 1 where x > 0, else 0.
    public func relu() -> Tensor {
        map(gradFn: "ReluBackward0", { $0 > 0 ? $0 : 0 }) { g in
            [Tensor(shape: g.shape, scalars: zipScalars(g.storage, self.storage) { $1 > 0 ? $0 : 0 })]
        }
    }

    /// |x|. d/dx = sign(x) (0 at 0, as PyTorch).
    public func abs() -> Tensor {
        map(gradFn: "AbsBackward0", { Swift.abs($0) }) { g in
            [Tensor(shape: g.shape, scalars: zipScalars(g.storage, self.storage) {
                $1 > 0 ? $0 : ($1 < 0 ? -$0 : 0)
            })]
        }
    }

    /// eˣ. d/dx = eˣ (the result itself).
    public func exp() -> Tensor {
        let out = mapScalars(storage) { Foundation.exp($0) }
        let values = Tensor(shape: shape, scalars: out)
        return Tensor.result(shape: shape, scalars: out, gradFn: "ExpBackward0", inputs: [self]) { g in [g * values] }
    }

    /// Natural logarithm. d/dx = 1/x.
    public func log() -> Tensor {
        map(gradFn: "LogBackward0", { Foundation.log($0) }) { g in [g / self] }
    }

    /// √x. d/dx = 1 / (2√x).
    public func sqrt() -> Tensor {
        let out = mapScalars(storage) { $0.squareRoot() }
        let values = Tensor(shape: shape, scalars: out)
        return Tensor.result(shape: shape, scalars: out, gradFn: "SqrtBackward0", inputs: [self]) { g in
            [g / (2 * values)]
        }
    }

    /// sin x. d/dx = cos x.
    public func sin() -> Tensor {
        map(gradFn: "SinBackward0", { Foundation.sin($0) }) { g in [g * self.cos()] }
    }

    /// cos x. d/dx = -sin x.
    public func cos() -> Tensor {
        map(gradFn: "CosBackward0", { Foundation.cos($0) }) { g in [-g * self.sin()] }
    }

    /// xᵖ for a number p. d/dx = p·xᵖ⁻¹.
    public func pow(_ exponent: Float) -> Tensor {
        if exponent == 2 {
            return map(gradFn: "PowBackward0", { $0 * $0 }) { g in [g * (2 * self)] }
        }
        return map(gradFn: "PowBackward0", { Foundation.pow($0, exponent) }) { g in
            [g * (exponent * self.pow(exponent - 1))]
        }
    }

    /// x², printed as PyTorch prints `x ** 2` (`PowBackward0`).
    public func squared() -> Tensor { pow(2) }

    /// 1 / x. d/dx = -1/x².
    public func reciprocal() -> Tensor {
        map(gradFn: "ReciprocalBackward0", { 1 / $0 }) { g in [-g / (self * self)] }
    }
}

/// max(x, 0) elementwise.
public func relu(_ x: Tensor) -> Tensor { x.relu() }
/// |x| elementwise.
public func abs(_ x: Tensor) -> Tensor { x.abs() }
/// eˣ elementwise.
public func exp(_ x: Tensor) -> Tensor { x.exp() }
/// Natural logarithm elementwise.
public func log(_ x: Tensor) -> Tensor { x.log() }
/// √x elementwise.
public func sqrt(_ x: Tensor) -> Tensor { x.sqrt() }
/// sin x elementwise.
public func sin(_ x: Tensor) -> Tensor { x.sin() }
/// cos x elementwise.
public func cos(_ x: Tensor) -> Tensor { x.cos() }
/// xᵖ elementwise.
public func pow(_ x: Tensor, _ exponent: Float) -> Tensor { x.pow(exponent) }
