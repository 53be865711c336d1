/// One change to a chapter's output blocks, as `Chapter.splicing(_:)` takes it.
enum OutputEdit: Hashable, Sendable {
    /// The cell's output block holds `text`, what the cell printed (not yet encoded; see
    /// `OutputEncoding`): the block is created after the cell, or rewritten. Empty text makes an
    /// empty block; a cell that printed nothing is given `remove` by the runner instead.
    case write(Cell.ID, String)
    /// The cell has no output block: the one it has is removed.
    case remove(Cell.ID)

    /// The cell the edit is about.
    var cell: Cell.ID {
        switch self {
        case .write(let cell, _), .remove(let cell): return cell
        }
    }
}
