/// Stochastic gradient descent, with PyTorch's update rule:
///
///     g ← grad + weightDecay · p
///     b ← momentum · b + g          (b = g at the first step; skipped without momentum)
///     p ← p − lr · b
///
/// ```swift
/// let optimizer = SGD(net.parameters(), lr: 0.1)
/// optimizer.zeroGrad()
/// mseLoss(net(x), y).backward()
/// optimizer.step()
/// ```
/// Ask the module for its parameters once and keep the optimiser: the parameters are found by
/// reflection, which costs more than a step of a small network.
public final class SGD {
    /// The parameters this optimiser updates.
    public let parameters: [Parameter]
    /// The learning rate.
    public var lr: Float
    /// The momentum factor (0: plain gradient descent).
    public let momentum: Float
    /// The L2 penalty added to the gradient, `weightDecay · p`.
    public let weightDecay: Float
    /// The momentum buffer `b` of each parameter, by the parameter's identity.
    private var velocities: [ObjectIdentifier: Tensor] = [:]

    /// An optimiser for `parameters` with learning rate `lr` (PyTorch's `torch.optim.SGD(params,
    /// lr=..., momentum=..., weight_decay=...)`).
    public init(_ parameters: [Parameter], lr: Float, momentum: Float = 0, weightDecay: Float = 0) {
        require(lr >= 0 && momentum >= 0 && weightDecay >= 0,
                "SGD: lr, momentum and weightDecay must be >= 0, got lr=\(lr), momentum=\(momentum), weightDecay=\(weightDecay)")
        self.parameters = parameters
        self.lr = lr
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    /// Updates every parameter that requires grad and has a gradient, in place: every module
    /// holding the parameter sees the new values; a tensor read from it before keeps the old ones.
    /// A frozen parameter (`requiresGrad == false`) is skipped even if it kept an old gradient.
    public func step() {
        noGrad {
            for parameter in parameters where parameter.requiresGrad {
                guard let grad = parameter.grad else { continue }
                var direction = weightDecay == 0 ? grad : grad + weightDecay * parameter.value
                if momentum != 0 {
                    let key = ObjectIdentifier(parameter)
                    if var buffer = velocities.removeValue(forKey: key) {
                        // b ← momentum · b + g, in the buffer's own storage.
                        buffer.multiplyInPlace(by: momentum)
                        buffer.addInPlace(direction)
                        direction = buffer
                    } else {
                        direction = direction.detached()
                    }
                    velocities[key] = direction
                }
                parameter.update { $0.addInPlace(direction, alpha: -lr) }
            }
        }
    }

    /// The momentum buffer of `parameter` after the last step, `nil` before its first step or
    /// without momentum (PyTorch's `optimizer.state[p]["momentum_buffer"]`). A value: later
    /// steps do not change a buffer read before them.
    public func momentumBuffer(of parameter: Parameter) -> Tensor? {
        velocities[ObjectIdentifier(parameter)]
    }

    /// Clears the gradients of the parameters (sets them to `nil`).
    public func zeroGrad() {
        for parameter in parameters { parameter.grad = nil }
    }
}
