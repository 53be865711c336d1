/// The mean squared error: mean((prediction - target)²) over all elements.
///
/// prediction and target must have the same shape (PyTorch only warns when they broadcast, which
/// is nearly always a bug: (n, 1) against (n) silently becomes (n, n)).
public func mseLoss(_ prediction: Tensor, _ target: Tensor) -> Tensor {
    require(prediction.shape == target.shape,
            "mseLoss: the prediction has shape \(prediction.shape) but the target \(target.shape); they must be equal")
    return (prediction - target).squared().mean()
}

/// The cross-entropy of logits against class labels, averaged over the batch:
/// loss = -(1/N) Σₙ log softmax(logitsₙ)[labelₙ].
///
/// logits: (N, C) unnormalised scores; labels: N class indices in 0..<C.
public func crossEntropy(_ logits: Tensor, labels: [Int]) -> Tensor {
    require(logits.rank == 2, "crossEntropy: the logits must have shape (batch, classes), got \(logits.shape)")
    let (batch, classes) = (logits.shape[0], logits.shape[1])
    require(labels.count == batch,
            "crossEntropy: \(batch) rows of logits but \(labels.count) labels; give one label per row")
    var oneHot = [Float](repeating: 0, count: batch * classes)
    for (row, label) in labels.enumerated() {
        require((0..<classes).contains(label),
                "crossEntropy: label \(label) in row \(row) is not a class in 0..<\(classes)")
        oneHot[row * classes + label] = 1
    }
    let picked = logSoftmax(logits, axis: 1) * Tensor(shape: [batch, classes], scalars: oneHot)
    return -picked.sum() / Float(batch)
}

/// `crossEntropy(_:labels:)` with the labels given without a label.
public func crossEntropy(_ logits: Tensor, _ labels: [Int]) -> Tensor {
    crossEntropy(logits, labels: labels)
}
