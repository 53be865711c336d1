/// Whether operations record the graph. A task-local value, so a `noGrad { }`
/// scope on one thread or task never affects another (safe under Swift 6
/// strict concurrency).
enum GradMode {
    @TaskLocal static var isEnabled = true
}

/// Runs `body` without recording operations for automatic differentiation
/// (PyTorch's `with torch.no_grad():`) and returns its value. Results computed
/// inside do not require grad.
///
/// ```swift
/// noGrad { w -= lr * w.grad! }
/// ```
public func noGrad<Result>(_ body: () throws -> Result) rethrows -> Result {
    try GradMode.$isEnabled.withValue(false) { try body() }
}

/// Whether operations currently record the graph (false inside `noGrad { }`).
public var isGradEnabled: Bool { GradMode.isEnabled }
