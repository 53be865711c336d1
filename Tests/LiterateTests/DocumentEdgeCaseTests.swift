import Foundation
import Testing
@testable import Literate

/// Documents at the edges of CommonMark: unclosed fences in containers, byte-order marks, tabs,
/// code less indented than its fence, settings and titles.
@Suite struct DocumentEdgeCaseTests {
    @Test func aFenceLeftOpenWhenItsBlockQuoteEndsIsUnclosed() throws {
        // The next line is a fence at top level; cmark reports the cell as ending there.
        let error = try #require(try DocumentFixtures.error("unclosed-in-quote.md"))
        #expect(error.location.description == "documents/unclosed-in-quote.md:1:3")
    }

    @Test func aShorterFenceDoesNotCloseALongerOne() throws {
        let error = try #require(try DocumentFixtures.error("unclosed-at-end.md"))
        #expect(error.location.description == "documents/unclosed-at-end.md:3:1")
        #expect(error.message.contains("'````'"))
    }

    @Test func anEmptyFileIsAChapterWithoutCells() throws {
        let chapter = try Chapter(path: "empty.md", bytes: [])
        #expect(chapter.cells.isEmpty)
        #expect(chapter.title == nil)
        #expect(chapter.splicing(outputEdits([0: "x"])) == [])
    }

    @Test func aByteOrderMarkIsKept() throws {
        let chapter = try DocumentFixtures.chapter("byte-order-mark.md")
        #expect(chapter.cells.map(\.source) == ["print(\"bom\")\n"])
        #expect(chapter.cells[0].location.description == "documents/byte-order-mark.md:2:1")
        #expect(chapter.splicing(outputEdits([0: "bom\n"])) == (try DocumentFixtures.bytes("byte-order-mark.expected.md")))
    }

    @Test func tabsInCodeAreKept() throws {
        let chapter = try DocumentFixtures.chapter("tabs.md")
        #expect(chapter.cells.map(\.source) == ["if true {\n\tprint(1)\n}\n"])
        #expect(chapter.cells[0].location.column == 3)
        #expect(chapter.splicing(outputEdits([0: "1\n"])) == (try DocumentFixtures.bytes("tabs.expected.md")))
    }

    @Test func codeLessIndentedThanItsFenceLosesOnlyWhatItHas() throws {
        let chapter = try DocumentFixtures.chapter("under-indented.md")
        #expect(chapter.cells.map(\.source) == ["  let a = 1\nprint(a)\n"])
        #expect(chapter.cells[0].location.column == 3)
    }

    @Test func settingsComeFromTopLevelCommentsAndTheTitleFromTheFirstHeading() throws {
        let chapter = try DocumentFixtures.chapter("settings-and-title.md")
        #expect(chapter.settings == ChapterSettings(seed: 0, timeout: 2.5))
        #expect(chapter.title == "The Tensor type, briefly")
    }

    @Test func anUnknownSettingIsAnErrorListingTheValidOnes() throws {
        let error = try #require(try DocumentFixtures.error("settings-unknown.md"))
        #expect(error.location.description == "documents/settings-unknown.md:1:24")
        #expect(error.message.hasPrefix("unknown chapter setting 'jobs=2'; a swiftbook comment may set: seed="))
    }

    @Test func aSettingGivenTwiceIsAnError() throws {
        let error = try #require(try DocumentFixtures.error("settings-twice.md"))
        #expect(error.location.description == "documents/settings-twice.md:3:17")
    }

    @Test func aToleranceThatIsNotANumberIsAnError() throws {
        let error = try #require(try DocumentFixtures.error("bad-tolerance.md"))
        #expect(error.location.description == "documents/bad-tolerance.md:1:10")
        #expect(error.message == "cell option 'rtol=abc' needs a finite number >= 0, as in rtol=1e-3")
    }

    @Test func optionsCombine() throws {
        let location = SourceLocation(path: "x.md", line: 1, column: 4)
        let options = try CellOptions(infoString: "swift fails hidden unchecked atol=0.5", location: location)
        #expect(options == CellOptions(runs: true, expectsFailure: true, hidden: true, compared: false,
                                       tolerance: Tolerance(relative: 1e-4, absolute: 0.5)))
        #expect(throws: ChapterError.self) { try CellOptions(infoString: "swift hidden hidden", location: location) }
        #expect(throws: ChapterError.self) { try CellOptions(infoString: "swift no-run rtol=1", location: location) }
        #expect(try CellOptions(infoString: "swift no-run hidden", location: location).runs == false)
    }
}
