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
    ]

    @Test(arguments: cases.map(\.fixture))
    func splicingGivesTheExpectedFile(fixture: String) throws {
        let outputs = Self.cases.first { $0.fixture == fixture }!.outputs
        let chapter = try DocumentFixtures.chapter("\(fixture).md")
        let expected = try DocumentFixtures.bytes("\(fixture).expected.md")
        let spliced = chapter.splicing(outputs: outputs)
        #expect(String(decoding: spliced, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(spliced == expected)
    }

    @Test(arguments: cases.map(\.fixture))
    func theSplicedFileReadsBackWithTheNewOutputs(fixture: String) throws {
        let outputs = Self.cases.first { $0.fixture == fixture }!.outputs
        let chapter = try DocumentFixtures.chapter("\(fixture).md")
        let reread = try Chapter(path: "spliced.md", bytes: chapter.splicing(outputs: outputs))
        #expect(reread.cells.map(\.source) == chapter.cells.map(\.source))
        for (index, output) in outputs {
            let expected = (output ?? "").isEmpty ? nil : output
            #expect(reread.cells[index].recordedOutput == expected)
        }
        // Splicing what is already there changes nothing.
        let again = reread.splicing(outputs: outputs)
        #expect(again == reread.bytes)
    }

    @Test(arguments: cases.map(\.fixture))
    func splicingTheOldOutputsBackRestoresTheFile(fixture: String) throws {
        let chapter = try DocumentFixtures.chapter("\(fixture).md")
        var changed: [Int: String?] = [:]
        for cell in chapter.cells { changed[cell.index] = "changed \(cell.index)\n```\n" }
        let spliced = try Chapter(path: "spliced.md", bytes: chapter.splicing(outputs: changed))
        var original: [Int: String?] = [:]
        for cell in chapter.cells { original[cell.index] = cell.recordedOutput }
        #expect(spliced.splicing(outputs: original) == chapter.bytes)
    }

    @Test func cellsLeftOutOfTheDictionaryKeepTheirOutputs() throws {
        let chapter = try DocumentFixtures.chapter("basic.md")
        #expect(chapter.splicing(outputs: [:]) == chapter.bytes)
        let spliced = try Chapter(path: "spliced.md", bytes: chapter.splicing(outputs: [1: "hi\n"]))
        #expect(spliced.cells.map(\.recordedOutput) == ["tensor([1., 2., 3.])\n", "hi\n", "old text\n"])
    }

    @Test func outputsWithoutAFinalNewlineAreWrittenTheSame() throws {
        let chapter = try DocumentFixtures.chapter("basic.md")
        #expect(chapter.splicing(outputs: [1: "hello"]) == chapter.splicing(outputs: [1: "hello\n"]))
    }

    @Test func anOutputRemovedAndWrittenAgainAfterABulletFenceComesBackTheSame() throws {
        // `- ```swift`: the new block's lines are indented like the bullet's content, not given a bullet.
        let chapter = try DocumentFixtures.chapter("list-item-cell.md")
        let removed = try Chapter(path: "removed.md", bytes: chapter.splicing(outputs: [1: nil]))
        #expect(removed.cells[1].recordedOutput == nil)
        #expect(!String(decoding: removed.bytes, as: UTF8.self).contains("[3]"))
        #expect(removed.splicing(outputs: [1: "[3]\n"]) == chapter.bytes)
    }
}
