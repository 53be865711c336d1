import Foundation
import Testing
@testable import Literate

@Suite struct DocumentParsingTests {
    @Test func readsCellsOutputsOptionsSettingsAndTitle() throws {
        let chapter = try DocumentFixtures.chapter("basic.md")
        #expect(chapter.title == "Tensors, first steps")
        #expect(chapter.settings == ChapterSettings(seed: 42, timeout: 60))
        #expect(chapter.cells.map(\.id) == [0, 1, 2].map(Cell.ID.init(index:)))
        let first = chapter.cells[0]
        #expect(first.source == "let x = Tensor([1, 2, 3])\nprint(x)\n")
        #expect(first.recordedOutput == "tensor([1., 2., 3.])\n")
        #expect(first.fenceLocation.description == "documents/basic.md:7:1")
        #expect(first.location.description == "documents/basic.md:8:1")
        #expect(first.outputLocation?.description == "documents/basic.md:12:1")
        #expect(first.options == .standard)
        #expect(chapter.cells[1].options.hidden)
        #expect(chapter.cells[1].recordedOutput == nil)
        #expect(chapter.cells[1].outputLocation == nil)
        let third = chapter.cells[2].options
        #expect(!third.compared)
        #expect(third.tolerance == Tolerance(relative: 1e-3, absolute: 1e-6))
        #expect(chapter.cells[2].recordedOutput == "old text\n")
    }

    @Test func cellsInListItemsLoseTheirIndentationButKeepTheirColumns() throws {
        let chapter = try DocumentFixtures.chapter("list-item-cell.md")
        #expect(chapter.cells.count == 2)
        #expect(chapter.cells[0].source == "let x = Tensor([1, 2])\nprint(x)\n")
        #expect(chapter.cells[0].location.description == "documents/list-item-cell.md:6:4")
        #expect(chapter.cells[0].fenceLocation.description == "documents/list-item-cell.md:5:4")
        #expect(chapter.cells[1].source == "print(x.shape)\n")
        #expect(chapter.cells[1].location.description == "documents/list-item-cell.md:13:6")
        #expect(chapter.cells[1].fenceLocation.description == "documents/list-item-cell.md:12:6")
        #expect(chapter.cells[1].recordedOutput == "[3]\n")
        #expect(chapter.cells[1].location(ofOutputLine: 1)?.description == "documents/list-item-cell.md:17:6")
        #expect(chapter.cells[1].location(ofOutputLine: 5)?.description == "documents/list-item-cell.md:18:6")
        #expect(chapter.cells[0].location(ofOutputLine: 1) == nil)
    }

    @Test func cellsInBlockQuotesLoseTheirPrefix() throws {
        let chapter = try DocumentFixtures.chapter("blockquote-cell.md")
        #expect(chapter.cells.map(\.source) == ["print(1)\nprint(2)\n", "print(\"nested\")\n"])
        #expect(chapter.cells[0].location.column == 3)
        #expect(chapter.cells[1].location.column == 5)
        #expect(chapter.cells[0].recordedOutput == nil)
        #expect(chapter.cells[1].recordedOutput == "stale\n")
    }

    @Test func tildesAndLongFencesAreCells() throws {
        let chapter = try DocumentFixtures.chapter("fences.md")
        #expect(chapter.cells.map(\.source) == [
            "print(\"```\")\n", "// A cell that shows a fence:\n// ```\n", "print(\"a Markdown sample\")\n",
        ])
        #expect(!chapter.cells[1].options.runs)
        #expect(chapter.cells[2].recordedOutput == "short\n")
    }

    @Test func crlfLinesAreReadWithoutTheirCarriageReturns() throws {
        let chapter = try DocumentFixtures.chapter("crlf.md")
        #expect(chapter.cells.map(\.source) == ["print(1)\n", "print(2)\n"])
        #expect(chapter.cells[1].recordedOutput == "old\n")
        #expect(chapter.title == "CRLF chapter")
    }

    @Test func onlySwiftFencesAreCellsAndOnlyAdjacentOutputBlocksAreTheirs() throws {
        let chapter = try DocumentFixtures.chapter("not-cells.md")
        #expect(chapter.cells.map(\.source) == ["print(\"a cell\")\n", "print(\"last\")\n"])
        #expect(chapter.cells[0].recordedOutput == nil)
        #expect(chapter.cells[1].recordedOutput == "right after, no blank line\n")
        #expect(chapter.settings == ChapterSettings())
        #expect(chapter.title == nil)
    }

    @Test func anUnclosedCellFenceIsAnErrorAtTheFence() throws {
        let error = try #require(try DocumentFixtures.error("unclosed-fence.md"))
        #expect(error.location.description == "documents/unclosed-fence.md:5:3")
        #expect(error.description.hasPrefix("documents/unclosed-fence.md:5:3: error: this code fence is never closed"))
        #expect(error.message.contains("add a closing line '```'"))
    }

    @Test func anUnclosedOutputFenceIsAnErrorAtTheOutputFence() throws {
        let error = try #require(try DocumentFixtures.error("unclosed-output.md"))
        #expect(error.location.description == "documents/unclosed-output.md:5:1")
    }

    @Test func anUnknownOptionIsAnErrorAtTheWordListingTheValidOnes() throws {
        let error = try #require(try DocumentFixtures.error("bad-option.md"))
        #expect(error.location.description == "documents/bad-option.md:7:12")
        #expect(error.message == "unknown cell option 'hiden'; the words after 'swift' may be: "
            + "no-run, fails, hidden, unchecked, rtol=<number>, atol=<number>, tags=<tag>,<tag>")
    }

    @Test func anUnknownOptionAfterAnEntityIsReportedWhereItIsWritten() throws {
        // `swif&#116;` is cmark's `swift`: the info string it hands over is 5 bytes shorter than the line.
        let error = try #require(try DocumentFixtures.error("bad-option-entity.md"))
        #expect(error.location.description == "documents/bad-option-entity.md:1:15")
        #expect(error.message.hasPrefix("unknown cell option 'bogus'"))
    }

    @Test func noRunWithFailsIsAnError() throws {
        let error = try #require(try DocumentFixtures.error("no-run-fails.md"))
        #expect(error.location.description == "documents/no-run-fails.md:1:4")
        #expect(error.message.contains("'no-run' cannot go with 'fails'"))
    }

    @Test func aBadSettingIsAnErrorAtTheWord() throws {
        let error = try #require(try DocumentFixtures.error("bad-settings.md"))
        #expect(error.location.description == "documents/bad-settings.md:4:6")
        #expect(error.message.contains("timeout=-3"))
    }

    @Test func invalidUTF8IsAnErrorAtTheFirstBadByte() throws {
        let error = try #require(try DocumentFixtures.error("invalid-utf8.md"))
        #expect(error.location.description == "documents/invalid-utf8.md:4:11")
        #expect(error.message.contains("not valid UTF-8"))
    }

    @Test func loadingAMissingFileNamesThePath() throws {
        #expect {
            _ = try Chapter.load(path: "/nonexistent/chapter.md")
        } throws: { error in
            "\(error)" == "/nonexistent/chapter.md: error: cannot read chapter: no such file; check the path"
        }
    }

    @Test func loadingAFolderSaysSo() throws {
        let folder = DocumentFixtures.url("", in: "documents").path
        #expect {
            _ = try Chapter.load(path: folder)
        } throws: { error in
            "\(error)" == "\(folder): error: cannot read chapter: it is a folder; pass a Markdown file"
        }
    }

    @Test func loadingReadsTheFileAsGiven() throws {
        let path = DocumentFixtures.url("basic.md").path
        let chapter = try Chapter.load(path: path)
        #expect(chapter.path == path)
        #expect(chapter.bytes == (try DocumentFixtures.bytes("basic.md")))
        #expect(chapter.cells.count == 3)
    }
}
