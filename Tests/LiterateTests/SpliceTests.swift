import Foundation
import Testing
@testable import Literate

/// Each fixture `name.md`, spliced with the outputs given here, must give `name.expected.md` byte for byte.
@Suite struct SpliceTests {
    static let cases: [(fixture: String, outputs: [Int: String?])] = [
        ("basic", [0: "tensor([1.0000, 2.0000, 3.0000])\nsecond line\n", 1: "hello\n", 2: nil]),
        ("list-item-cell", [0: "tensor([1., 2.])\n\nafter a blank line\n", 1: "[2]\n"]),
        ("blockquote-cell", [0: "1\n\n2\n", 1: "nested\n"]),
        ("fences", [0: "```\n", 2: "```swift\n```\n"]),
        ("crlf", [0: "1\none\n", 1: "2\n"]),
        ("cr-only", [0: "1\n2\n"]),
        ("no-final-newline", [0: "1\n"]),
        ("output-at-end", [0: ""]),
        ("quote-odd-prefix", [0: "tensor([[1., 2.],\n        [3., 4.]])\n", 1: "tensor([[1., 2.],\n        [3., 4.]])\n"]),
        ("tight-list", [0: "1\n"]),
        ("loose-by-output", [0: nil]),
        ("mixed-endings", [0: "1\n"]),
        ("control-characters", [0: "NUL \u{0} BEL \u{7} \u{1B}[31mred\u{1B}[0m\nover\rwritten\nnot an escape: \\u{41} \\\\n\n \n"]),
    ]

    @Test(arguments: cases.map(\.fixture))
    func splicingGivesTheExpectedFile(fixture: String) throws {
        let outputs = Self.cases.first { $0.fixture == fixture }!.outputs
        let chapter = try DocumentFixtures.chapter("\(fixture).md")
        let expected = try DocumentFixtures.bytes("\(fixture).expected.md")
        let spliced = chapter.splicing(outputEdits(outputs))
        #expect(String(decoding: spliced, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(spliced == expected)
    }

    @Test(arguments: cases.map(\.fixture))
    func theSplicedFileReadsBackWithTheNewOutputs(fixture: String) throws {
        let outputs = Self.cases.first { $0.fixture == fixture }!.outputs
        let chapter = try DocumentFixtures.chapter("\(fixture).md")
        let reread = try Chapter(path: "spliced.md", bytes: chapter.splicing(outputEdits(outputs)))
        #expect(reread.cells.map(\.source) == chapter.cells.map(\.source))
        for (index, output) in outputs {
            let expected = (output ?? "").isEmpty ? nil : OutputEncoding.encode(output!)
            #expect(reread.cells[index].recordedOutput == expected)
            #expect(reread.cells[index].recordedOutput.map(OutputEncoding.decode) == expected.map(OutputEncoding.decode))
        }
        // Apart from the output blocks, cmark sees the same document (a tight list stays tight).
        #expect(DocumentStructure(reread.bytes) == DocumentStructure(chapter.bytes))
        // Splicing what is already there changes nothing.
        let again = reread.splicing(outputEdits(outputs))
        #expect(again == reread.bytes)
    }

    @Test(arguments: cases.map(\.fixture))
    func splicingTheOldOutputsBackRestoresTheFile(fixture: String) throws {
        let chapter = try DocumentFixtures.chapter("\(fixture).md")
        var changed: [Int: String?] = [:]
        for cell in chapter.cells { changed[cell.id.index] = "changed \(cell.id.index)\n```\n" }
        let spliced = try Chapter(path: "spliced.md", bytes: chapter.splicing(outputEdits(changed)))
        var original: [Int: String?] = [:]
        for cell in chapter.cells { original.updateValue(cell.recordedOutput.map(OutputEncoding.decode), forKey: cell.id.index) }
        #expect(spliced.splicing(outputEdits(original)) == chapter.bytes)
    }

    @Test func cellsLeftOutOfTheDictionaryKeepTheirOutputs() throws {
        let chapter = try DocumentFixtures.chapter("basic.md")
        #expect(chapter.splicing(outputEdits([:])) == chapter.bytes)
        let spliced = try Chapter(path: "spliced.md", bytes: chapter.splicing(outputEdits([1: "hi\n"])))
        #expect(spliced.cells.map(\.recordedOutput) == ["tensor([1., 2., 3.])\n", "hi\n", "old text\n"])
    }

    @Test func anEditSaysWhetherABlockStaysAndEmptyTextIsAnEmptyBlock() throws {
        let chapter = try DocumentFixtures.chapter("basic.md")
        let cell = chapter.cells[0].id
        let empty = try Chapter(path: "empty.md", bytes: chapter.splicing([.write(cell, "")]))
        #expect(empty.cells[0].recordedOutput == "")
        let removed = try Chapter(path: "removed.md", bytes: chapter.splicing([.remove(cell)]))
        #expect(removed.cells[0].recordedOutput == nil)
        #expect(removed.splicing([.write(cell, "tensor([1., 2., 3.])\n")]) == chapter.bytes)
    }

    @Test func outputsWithoutAFinalNewlineAreWrittenTheSame() throws {
        let chapter = try DocumentFixtures.chapter("basic.md")
        #expect(chapter.splicing(outputEdits([1: "hello"])) == chapter.splicing(outputEdits([1: "hello\n"])))
    }

    @Test func anOutputRemovedAndWrittenAgainAfterABulletFenceComesBackTheSame() throws {
        // `- ```swift`: the new block's lines are indented like the bullet's content, not given a bullet.
        let chapter = try DocumentFixtures.chapter("list-item-cell.md")
        let removed = try Chapter(path: "removed.md", bytes: chapter.splicing(outputEdits([1: nil])))
        #expect(removed.cells[1].recordedOutput == nil)
        #expect(!String(decoding: removed.bytes, as: UTF8.self).contains("[3]"))
        #expect(removed.splicing(outputEdits([1: "[3]\n"])) == chapter.bytes)
    }
}

/// Insertion and removal are inverses, byte for byte, whatever the line endings and containers.
@Suite struct SpliceRoundTripTests {
    @Test(arguments: ["mixed-endings", "tight-list", "quote-odd-prefix", "crlf", "cr-only", "no-final-newline"])
    func insertingThenRemovingOutputsGivesBackTheOriginalBytes(fixture: String) throws {
        let chapter = try DocumentFixtures.chapter("\(fixture).md")
        var removeAll: [Int: String?] = [:]
        for cell in chapter.cells { removeAll[cell.id.index] = .some(nil) }
        let bare = try Chapter(path: "bare.md", bytes: chapter.splicing(outputEdits(removeAll)))
        var outputs: [Int: String?] = [:]
        for cell in bare.cells { outputs[cell.id.index] = "line one\n\nline \(cell.id.index)\r\n" }
        let spliced = try Chapter(path: "spliced.md", bytes: bare.splicing(outputEdits(outputs)))
        #expect(spliced.splicing(outputEdits(removeAll)) == bare.bytes)
    }

    @Test func aLoneCarriageReturnInAnOutputNeverJoinsTheLineAfterIt() throws {
        let chapter = try DocumentFixtures.chapter("mixed-endings.md")
        let spliced = chapter.splicing(outputEdits([0: "1\n"]))
        // The original blank line and `Text` line are still there, with their own line feeds.
        #expect(spliced.suffix(10) == Array("```\n\nText\n".utf8))
        #expect(try Chapter(path: "s.md", bytes: spliced).splicing(outputEdits([0: nil])) == chapter.bytes)
    }
}
