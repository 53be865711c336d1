/// The indices an axis of `count` elements shows; `nil` stands for the `...`.
///
/// `_vector_str` and `_tensor_str_with_formatter`: a summarised tensor shows only the
/// first and last `edgeItems` of every axis longer than twice `edgeItems`.
func shownIndices(count: Int, summarize: Bool) -> [Int?] {
    let edge = PrintOptions.edgeItems
    guard summarize && count > 2 * edge else { return Array(0..<count) }
    return Array(0..<edge) + [nil] + Array((count - edge)..<count)
}

/// The elements a summarised tensor shows, in row-major order (`get_summarized_data`).
///
/// PyTorch fits the element style (integer, fixed or scientific, and the width) to these
/// only, so a value hidden behind `...` never changes how the others print.
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
