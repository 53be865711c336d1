import Foundation
import Testing
@testable import Literate

/// The image line after a figure cell's output block: written at the block's container prefix,
/// replaced, removed, and removing it gives back the bytes from before.
@Suite struct FigureLinkSpliceTests {
    static func chapter(_ bytes: [UInt8]) throws -> Chapter { try Chapter(path: "Chapters/links.md", bytes: bytes) }

    /// The link of the cell numbered `cell`.
    func link(_ cell: Int, _ title: String) -> FigureLink { FigureLink(chapterStem: "links", cell: Cell.ID(number: cell), title: title) }

    /// Links given by cell index (from 0).
    func links(_ byIndex: [Int: FigureLink?]) -> [Cell.ID: FigureLink?] {
        Dictionary(uniqueKeysWithValues: byIndex.map { (Cell.ID(index: $0.key), $0.value) })
    }

    @Test func linesGoRightAfterTheOutputBlockAtItsPrefix() throws {
        let original = try DocumentFixtures.bytes("links.md", in: "figures")
        let chapter = try Self.chapter(original)
        let with = chapter.splicingFigureLinks(links([0: link(1, "A"), 1: link(2, "B [init]"), 2: link(3, "C"), 3: link(4, "D")]))
        let text = String(decoding: with, as: UTF8.self)
        #expect(text.contains("```output\nFigure \"A\": line \"a\" (2 points)\n```\n![A](figures/links-cell1.svg)\n\nProse right after."))
        #expect(text.contains("  ```\n  ![B \\[init\\]](figures/links-cell2.svg)\n- next item"))
        #expect(text.contains("> ```\n> ![C](figures/links-cell3.svg)\n"))
        #expect(text.hasSuffix("```\n![D](figures/links-cell4.svg)\n"))
        let again = try Self.chapter(with)
        #expect(again.recordedFigurePath(ofCell: Cell.ID(index: 1))?.path == "figures/links-cell2.svg")
        #expect(again.cells.map(\.recordedOutput) == chapter.cells.map(\.recordedOutput))
        // Writing the same lines again changes nothing; removing them gives back the original.
        #expect(again.splicingFigureLinks(links([0: link(1, "A"), 1: link(2, "B [init]"), 2: link(3, "C"), 3: link(4, "D")])) == with)
        #expect(again.splicingFigureLinks(links([0: nil, 1: nil, 2: nil, 3: nil])) == original)
    }

    @Test func aFileWithoutAFinalNewlineKeepsEndingWithoutOne() throws {
        let original = Array("```swift\nfigure\n```\n\n```output\nx\n```".utf8)
        let with = try Self.chapter(original).splicingFigureLinks(links([0: link(1, "A")]))
        #expect(String(decoding: with, as: UTF8.self) == "```swift\nfigure\n```\n\n```output\nx\n```\n![A](figures/links-cell1.svg)")
        #expect(try Self.chapter(with).splicingFigureLinks(links([0: nil])) == original)
        // CRLF: the new line ends as the fence line does.
        let crlf = Array("```swift\r\nfigure\r\n```\r\n\r\n```output\r\nx\r\n```\r\nText\r\n".utf8)
        let withCRLF = try Self.chapter(crlf).splicingFigureLinks(links([0: link(1, "A")]))
        #expect(String(decoding: withCRLF, as: UTF8.self).contains("```\r\n![A](figures/links-cell1.svg)\r\nText"))
        #expect(try Self.chapter(withCRLF).splicingFigureLinks(links([0: nil])) == crlf)
    }

    @Test func aChangedTitleReplacesTheLineAndCellsNotGivenKeepTheirs() throws {
        let chapter = try Self.chapter(try DocumentFixtures.bytes("links.md", in: "figures"))
        let with = try Self.chapter(chapter.splicingFigureLinks(links([0: link(1, "A"), 3: link(4, "D")])))
        let renamed = String(decoding: with.splicingFigureLinks(links([0: link(1, "A2")])), as: UTF8.self)
        #expect(renamed.contains("![A2](figures/links-cell1.svg)\n"))
        #expect(!renamed.contains("![A](figures/"))
        #expect(renamed.contains("![D](figures/links-cell4.svg)"))
    }

    @Test func onlyOwnedLinesAreTouched() throws {
        // An image of someone else right after the block is prose, not swiftbook's line.
        let text = "```swift\nfigure\n```\n\n```output\nx\n```\n![mine](figures/photo.png)\n"
        let chapter = try Self.chapter(Array(text.utf8))
        #expect(chapter.recordedFigurePath(ofCell: Cell.ID(index: 0)) == nil)
        #expect(chapter.splicingFigureLinks(links([0: nil])) == Array(text.utf8))
        let other = "```swift\nfigure\n```\n\n```output\nx\n```\n![x](figures/other-chapter-cell1.svg)\n"
        #expect(try Self.chapter(Array(other.utf8)).splicingFigureLinks(links([0: nil])) == Array(other.utf8))
    }

    @Test func fileNamesBelongToOneChapter() {
        #expect(FigureLink.cell(ofFileName: "links-cell12.svg", chapterStem: "links") == Cell.ID(number: 12))
        #expect(FigureLink.cell(ofFileName: "links-cell.svg", chapterStem: "links") == nil)
        #expect(FigureLink.cell(ofFileName: "links-2-cell1.svg", chapterStem: "links") == nil)
        #expect(FigureLink.cell(ofFileName: "links-cell1.png", chapterStem: "links") == nil)
        #expect(FigureLink.chapterStem(ofPath: "Chapters/ja/layers-and-modules.md") == "layers-and-modules")
    }
}
