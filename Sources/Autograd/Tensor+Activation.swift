import Foundation

// Activation functions, with their derivatives written in terms of the output
// (which is what they are cheapest to compute from).

extension Tensor {
    /// σ(x) = 1 / (1 + e⁻ˣ). d/dx = σ(x)(1 − σ(x)).
    public func sigmoid() -> Tensor {
        let out = mapScalars(storage) { 1 / (1 + Foundation.exp(-$0)) }
        let y = Tensor(shape: shape, scalars: out)
        return Tensor.result(shape: shape, scalars: out, gradFn: "SigmoidBackward0", inputs: [self]) { g in
            [g * y * (1 - y)]
        }
    }

    /// tanh x. d/dx = 1 − tanh²x.
    public func tanh() -> Tensor {
        let out = mapScalars(storage) { Foundation.tanh($0) }
        let y = Tensor(shape: shape, scalars: out)
        return Tensor.result(shape: shape, scalars: out, gradFn: "TanhBackward0", inputs: [self]) { g in
            [g * (1 - y * y)]
        }
    }

    /// softmax along `axis`: yᵢ = e^(xᵢ − max x) / Σⱼ e^(xⱼ − max x).
    /// d/dx: g ↦ y ⊙ (g − Σ(g ⊙ y) along the axis).
    public func softmax(axis: Int) -> Tensor {
        let shifted = noGrad { self - self.max(axis: axis, keepDims: true) }
        let e = mapScalars(shifted.storage) { Foundation.exp($0) }
        let exps = Tensor(shape: shape, scalars: e)
        let y = noGrad { exps / exps.sum(axis: axis, keepDims: true) }
        return Tensor.result(shape: shape, scalars: y.storage, gradFn: "SoftmaxBackward0", inputs: [self]) { g in
            [y * (g - (g * y).sum(axis: axis, keepDims: true))]
        }
    }

    /// log softmax along `axis`: xᵢ − max x − log Σⱼ e^(xⱼ − max x) (stable).
    /// d/dx: g ↦ g − softmax(x) ⊙ Σ g along the axis.
    public func logSoftmax(axis: Int) -> Tensor {
        let y = noGrad {
            let shifted = self - self.max(axis: axis, keepDims: true)
            return shifted - shifted.exp().sum(axis: axis, keepDims: true).log()
        }
        return Tensor.result(shape: shape, scalars: y.storage, gradFn: "LogSoftmaxBackward0", inputs: [self]) { g in
            [g - y.exp() * g.sum(axis: axis, keepDims: true)]
        }
    }
}

/// σ(x) = 1 / (1 + e⁻ˣ) elementwise.
public func sigmoid(_ x: Tensor) -> Tensor { x.sigmoid() }
/// tanh x elementwise.
public func tanh(_ x: Tensor) -> Tensor { x.tanh() }
/// softmax along `axis` (the values along it become positive and sum to 1).
public func softmax(_ x: Tensor, axis: Int) -> Tensor { x.softmax(axis: axis) }
/// log softmax along `axis`, computed stably.
public func logSoftmax(_ x: Tensor, axis: Int) -> Tensor { x.logSoftmax(axis: axis) }
