/// A float32 tensor as PyTorch's `repr` writes it with the default print options, for
/// example `tensor([[ 0.1000, -2.0000]], requires_grad=True)`.
///
/// - Parameters:
///   - shape: the tensor's shape (`[]` for a 0-d tensor).
///   - scalars: its elements in row-major order (`shape`'s product of them).
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
        // An empty tensor shows no values, so `_str_intern` spells out its shape, before
        // any other suffix, unless it is 1-D (NumPy's rule).
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
    // PyTorch's arithmetic, kept as is: `len(s) - s.rfind("\n") + 1`, which counts two
    // characters more than the last line holds (and `len(s) + 2` for a single line).
    let lastNewline = text.utf8.lastIndex(of: UInt8(ascii: "\n")).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } ?? -1
    var lastLineLength = text.utf8.count - lastNewline + 1
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
