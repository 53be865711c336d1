import Foundation
import Testing
@testable import Literate

/// Real-world Markdown (see Fixtures/corpus/SOURCES.md): parsing and splicing must never
/// change a byte that is not an output block.
@Suite struct CorpusTests {
    static let files: [String] = {
        let folder = DocumentFixtures.root.appendingPathComponent("corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && $0 != "SOURCES.md" }.sorted()
    }()

    @Test func theCorpusIsThere() {
        #expect(Self.files.count >= 10)
    }

    @Test(arguments: files)
    func splicingNothingGivesTheSameBytes(file: String) throws {
        let bytes = try DocumentFixtures.bytes(file, in: "corpus")
        let chapter = try Chapter(path: file, bytes: bytes)
        #expect(chapter.splicing(outputEdits([:])) == bytes)
        // Every cell's own recorded output (or none) spliced back changes nothing either.
        var same: [Int: String?] = [:]
        for cell in chapter.cells { same[cell.id.index] = cell.recordedOutput }
        #expect(chapter.splicing(outputEdits(same)) == bytes)
    }

    /// Gives every swift block an output, then removes them all: the document comes back byte
    /// for byte, and in between every block reads back with its code and its new output.
    @Test(arguments: files)
    func outputsAddedToRealDocumentsReadBackAndComeOutAgain(file: String) throws {
        let bytes = try DocumentFixtures.bytes(file, in: "corpus")
        let chapter = try Chapter(path: file, bytes: bytes)
        var outputs: [Int: String?] = [:]
        for cell in chapter.cells where cell.recordedOutput == nil {
            outputs[cell.id.index] = "output of cell \(cell.id.index)\n\n  indented ``` line\n"
        }
        let spliced = try Chapter(path: file, bytes: chapter.splicing(outputEdits(outputs)))
        #expect(spliced.cells.map(\.source) == chapter.cells.map(\.source))
        #expect(spliced.cells.map(\.location.column) == chapter.cells.map(\.location.column))
        for (index, output) in outputs {
            #expect(spliced.cells[index].recordedOutput == output)
        }
        var removed: [Int: String?] = [:]
        for index in outputs.keys { removed[index] = .some(nil) }
        #expect(spliced.splicing(outputEdits(removed)) == bytes)
    }
}
