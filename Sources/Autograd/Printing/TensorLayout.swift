/// The nested brackets of a non-empty tensor, as `_tensor_str_with_formatter` and
/// `_vector_str` of torch/_tensor_str.py lay them out.
///
/// - Sub-tensors are separated by `,` and one newline per remaining axis beyond the last
///   (a blank line between the matrices of a 3-D tensor), then indented to line up under
///   the opening bracket.
/// - The last axis wraps after `(lineWidth - indent) / (width + 2)` elements, at least one.
/// - A summarised axis shows its first and last `edgeItems` around `...`.
struct TensorLayout {
    let shape: [Int]
    let scalars: [Float]
    let summarize: Bool
    let formatter: ElementFormatter

    /// The sub-tensor starting at `offset` whose first axis is `axis`, as text whose
    /// continuation lines are indented by `indent` + 1 (the `[` already written).
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

    /// A run of elements along the last axis, wrapped so each line fits the line width.
    private func vector(offset: Int, count: Int, indent: Int) -> String {
        // `element_length` counts the ", " after each element; the `...` marker
        // (" ...") takes a slot like an element, as in PyTorch.
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
