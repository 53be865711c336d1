/// PyTorch's print options, at their defaults (`torch.set_printoptions()`).
enum PrintOptions {
    /// Tensors with more elements than this are summarised with `...`.
    static let threshold = 1000
    /// Elements shown at each end of a summarised axis.
    static let edgeItems = 3
    /// Characters per line before a row of elements wraps.
    static let lineWidth = 80
}

/// A float32 tensor as PyTorch's `repr` writes it, for example
/// `tensor([[ 0.1000, -2.0000]], requires_grad=True)`.
///
/// - Parameters:
///   - shape: the tensor's shape (`[]` for a 0-d tensor).
///   - scalars: its elements in row-major order.
///   - suffixes: what follows the values, such as `requires_grad=True` or
///     `grad_fn=<AddBackward0>`; a suffix moves to its own line when it would
///     pass the line width.
///
/// Mirrors `_str_intern`, `_tensor_str` and `_add_suffixes` of torch/_tensor_str.py.
func formatTensor(shape: [Int], scalars: [Float], suffixes: [String] = []) -> String {
    let prefix = "tensor("
    var suffixes = suffixes
    let body: String
    if scalars.isEmpty {
        // An empty tensor shows no values, so its shape is spelled out, except for 1-D.
        if shape.count != 1 { suffixes.insert("size=(\(shape.map(String.init).joined(separator: ", ")))", at: 0) }
        body = "[]"
    } else {
        let summarize = scalars.count > PrintOptions.threshold
        let shown = summarize ? summarizedScalars(shape: shape, scalars: scalars) : scalars
        let layout = TensorLayout(shape: shape, scalars: scalars, summarize: summarize,
                                  formatter: ElementFormatter(fitting: shown))
        body = layout.text(axis: 0, offset: 0, indent: prefix.count)
    }
    return appendingSuffixes(to: prefix + body, suffixes, indent: prefix.count)
}

/// `_add_suffixes`: each suffix goes after `, ` on the last line, or on a new
/// line indented like the values when the last line would pass the line width.
private func appendingSuffixes(to text: String, _ suffixes: [String], indent: Int) -> String {
    var result = text
    // PyTorch's arithmetic, kept as is: `len(s) - s.rfind("\n") + 1`.
    let lastNewline = text.lastIndex(of: "\n").map { text.distance(from: text.startIndex, to: $0) } ?? -1
    var lastLineLength = text.count - lastNewline + 1
    for suffix in suffixes {
        if lastLineLength + suffix.count + 2 > PrintOptions.lineWidth {
            result += ",\n" + String(repeating: " ", count: indent) + suffix
            lastLineLength = indent + suffix.count
        } else {
            result += ", " + suffix
            lastLineLength += suffix.count + 2
        }
    }
    return result + ")"
}

/// The elements a summarised tensor shows (`get_summarized_data`): along every
/// axis longer than twice `edgeItems`, only the first and last `edgeItems`.
func summarizedScalars(shape: [Int], scalars: [Float]) -> [Float] {
    var result: [Float] = []
    func visit(axis: Int, offset: Int) {
        guard axis < shape.count else { result.append(scalars[offset]); return }
        let stride = shape[(axis + 1)...].reduce(1, *)
        for index in shownIndices(count: shape[axis], summarize: true).compactMap({ $0 }) {
            visit(axis: axis + 1, offset: offset + index * stride)
        }
    }
    visit(axis: 0, offset: 0)
    return result
}

/// The indices an axis of length `count` shows; `nil` stands for the `...`.
private func shownIndices(count: Int, summarize: Bool) -> [Int?] {
    let edge = PrintOptions.edgeItems
    guard summarize && count > 2 * edge else { return Array(0..<count) }
    return Array(0..<edge) + [nil] + Array((count - edge)..<count)
}

/// The nested brackets of `_tensor_str_with_formatter` and `_vector_str`.
private struct TensorLayout {
    let shape: [Int]
    let scalars: [Float]
    let summarize: Bool
    let formatter: ElementFormatter

    /// The sub-tensor starting at `offset` whose first axis is `axis`, as text
    /// whose continuation lines are indented by `indent` + 1.
    func text(axis: Int, offset: Int, indent: Int) -> String {
        let rank = shape.count - axis
        if rank == 0 { return formatter.format(scalars[offset]) }
        if rank == 1 { return vector(offset: offset, count: shape[axis], indent: indent) }
        let stride = shape[(axis + 1)...].reduce(1, *)
        let slices = shownIndices(count: shape[axis], summarize: summarize).map { index in
            index.map { text(axis: axis + 1, offset: offset + $0 * stride, indent: indent + 1) } ?? "..."
        }
        let separator = "," + String(repeating: "\n", count: rank - 1) + String(repeating: " ", count: indent + 1)
        return "[" + slices.joined(separator: separator) + "]"
    }

    /// A 1-D run of elements, wrapped so each line fits the line width.
    private func vector(offset: Int, count: Int, indent: Int) -> String {
        let elementLength = formatter.width + 2
        let perLine = Swift.max(1, (PrintOptions.lineWidth - indent) / elementLength)
        let elements = shownIndices(count: count, summarize: summarize).map { index in
            index.map { formatter.format(scalars[offset + $0]) } ?? " ..."
        }
        let lines = stride(from: 0, to: elements.count, by: perLine).map { start in
            elements[start..<Swift.min(start + perLine, elements.count)].joined(separator: ", ")
        }
        return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
    }
}
