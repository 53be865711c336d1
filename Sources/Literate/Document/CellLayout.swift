/// Where a cell and its output block sit in the file, which is all splicing needs.
struct CellLayout: Hashable, Sendable {
    /// The `swift` block.
    var cell: FenceLayout
    /// The `output` block right after it, if there is one.
    var output: FenceLayout?
}
