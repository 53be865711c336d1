/// Merges the axes `startAxis...endAxis` into one: (batch, 1, 28, 28) → (batch, 784) with the
/// defaults, which keep the batch axis. Negative axes count from the end.
public final class Flatten: Module {
    /// The first axis merged (PyTorch's `start_dim`).
    public let startAxis: Int
    /// The last axis merged (PyTorch's `end_dim`).
    public let endAxis: Int

    /// A layer merging `startAxis...endAxis` (PyTorch's `nn.Flatten(start_dim=1, end_dim=-1)`).
    public init(startAxis: Int = 1, endAxis: Int = -1) {
        self.startAxis = startAxis
        self.endAxis = endAxis
        super.init()
    }

    /// `x` with the axes `startAxis...endAxis` merged into one.
    public override func forward(_ x: Tensor) -> Tensor {
        let rank = Swift.max(x.rank, 1)
        let start = startAxis < 0 ? startAxis + rank : startAxis
        let end = endAxis < 0 ? endAxis + rank : endAxis
        require(0 <= start && start <= end && end < rank,
                "Flatten(start_dim=\(startAxis), end_dim=\(endAxis)) does not fit an input of shape \(x.shape)")
        guard x.rank > 0 else { return x.reshaped(to: [1]) }
        let merged = x.shape[start...end].reduce(1, *)
        return x.reshaped(to: Array(x.shape[..<start]) + [merged] + Array(x.shape[(end + 1)...]))
    }

    /// `start_dim=1, end_dim=-1`, as PyTorch prints it.
    public override var extraDescription: String { "start_dim=\(startAxis), end_dim=\(endAxis)" }
}
