import Foundation
@testable import Literate

/// Paths and bytes of the document and corpus fixtures.
enum DocumentFixtures {
    static let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func url(_ name: String, in folder: String = "documents") -> URL {
        root.appendingPathComponent(folder).appendingPathComponent(name)
    }

    static func bytes(_ name: String, in folder: String = "documents") throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(name, in: folder)))
    }

    /// Loads a fixture chapter, with the path the tests' messages expect.
    static func chapter(_ name: String) throws -> Chapter {
        try Chapter(path: "documents/\(name)", bytes: bytes(name))
    }

    /// The error a fixture's parsing throws, or nil.
    static func error(_ name: String) throws -> ChapterError? {
        do {
            _ = try chapter(name)
            return nil
        } catch let error as ChapterError {
            return error
        }
    }
}

/// The edits a splice test's table stands for. The tables name each cell by its index (from 0)
/// and give what it printed, or nil for no output block; as a run writes them
/// (`RunnableCell.outputEdit`), a cell that printed nothing gets no block.
func outputEdits(_ outputs: [Int: String?]) -> [OutputEdit] {
    outputs.sorted { $0.key < $1.key }.map { index, printed in
        let cell = Cell.ID(index: index)
        guard let printed, !printed.isEmpty else { return .remove(cell) }
        return .write(cell, printed)
    }
}
