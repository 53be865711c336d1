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
    public let momentum: Float
    public let weightDecay: Float
    private var velocities: [ObjectIdentifier: Tensor] = [:]

    public init(_ parameters: [Parameter], lr: Float, momentum: Float = 0, weightDecay: Float = 0) {
        require(lr >= 0 && momentum >= 0 && weightDecay >= 0,
                "SGD: lr, momentum and weightDecay must be >= 0, got lr=\(lr), momentum=\(momentum), weightDecay=\(weightDecay)")
        self.parameters = parameters
        self.lr = lr
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    /// Updates every parameter that has a gradient, in place (every module holding it sees it).
    public func step() {
        noGrad {
            for parameter in parameters {
                guard let grad = parameter.grad else { continue }
                let value = parameter.value
                var direction = weightDecay == 0 ? grad : grad + weightDecay * value
                if momentum != 0 {
                    let key = ObjectIdentifier(parameter)
                    direction = velocities[key].map { momentum * $0 + direction } ?? direction.detached()
                    velocities[key] = direction
                }
                value.addInPlace(direction, alpha: -lr)
            }
        }
    }

    /// Clears the gradients of the parameters (sets them to `nil`).
    public func zeroGrad() {
        for parameter in parameters { parameter.grad = nil }
    }
}
