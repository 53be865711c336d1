import Foundation
import Testing
@testable import Literate

/// Tags on cells and chapters, `--skip-tags` and `--only-tags`: skipped work is reported as
/// skipped and keeps its recorded output.
@Suite(.serialized) struct TagTests {
    let location = SourceLocation(path: "x.md", line: 3, column: 4)

    @Test func tagsAreSpelledInCellsAndChapterSettings() throws {
        #expect(try CellOptions(infoString: "swift tags=slow,gpu hidden", location: location).tags == ["slow", "gpu"])
        #expect(throws: ChapterError.self) { try CellOptions(infoString: "swift tags=", location: location) }
        #expect(throws: ChapterError.self) { try CellOptions(infoString: "swift tags=Slow", location: location) }
        #expect(throws: ChapterError.self) { try CellOptions(infoString: "swift no-run tags=slow", location: location) }
        var settings = ChapterSettings(), seen: Set<String> = []
        #expect(try settings.read(comment: "<!-- swiftbook: seed=3 tags=gpu -->", location: location, seen: &seen))
        #expect(settings.tags == ["gpu"])
        var bad = ChapterSettings(), again: Set<String> = []
        #expect(throws: ChapterError.self) {
            try bad.read(comment: "<!-- swiftbook: tags=gpu,,slow -->", location: location, seen: &again)
        }
    }

    @Test func skipTagsStopTheChapterAtTheFirstTaggedCell() {
        let filter = TagFilter(skip: ["slow"])
        #expect(filter.firstSkippedCell(chapterTags: [], cellTags: [[], ["slow"], []])?.index == 1)
        #expect(filter.firstSkippedCell(chapterTags: ["slow"], cellTags: [[], []])?.index == 0)
        #expect(filter.firstSkippedCell(chapterTags: ["gpu"], cellTags: [[], []]) == nil)
        #expect(filter.chapterSkipReason(chapterTags: [], cellTags: [["slow"]]) == nil)
    }

    @Test func onlyTagsPickWholeChapters() {
        let filter = TagFilter(only: ["gpu"])
        #expect(filter.chapterSkipReason(chapterTags: [], cellTags: [[], []]) == "not tagged gpu")
        #expect(filter.chapterSkipReason(chapterTags: ["gpu"], cellTags: [[]]) == nil)
        #expect(filter.chapterSkipReason(chapterTags: [], cellTags: [[], ["gpu"]]) == nil)
        #expect(filter.firstSkippedCell(chapterTags: [], cellTags: [[], ["gpu"]]) == nil)
    }

    func cells(_ json: String, _ index: Int = 0) throws -> [ChapterReport.Cell] {
        try JSONDecoder().decode(BookReport.self, from: Data(json.utf8)).chapters[index].cells
    }

    @Test func aSkippedCellAndTheCellsAfterItAreReportedSkippedAndKeepTheirOutputs() throws {
        let cli = try CLI("tagged.md")
        defer { cli.remove() }
        let before = try cli.bytes("tagged.md")
        let check = try cli.run("check", "Chapters/tagged.md", "--skip-tags", "slow", "--format", "json")
        #expect(check.status == 0, "the first cell's output is current: \(check.stderr)")
        #expect(try cells(check.stdout).map(\.status) == [.passed, .skipped, .skipped])
        #expect(try cells(check.stdout).map(\.skippedBecause) == [nil, "tags slow", "after skipped cell 2"])
        #expect(check.stderr.contains("2 cells skipped by tags"), "\(check.stderr)")
        let run = try cli.run("run", "Chapters/tagged.md", "--skip-tags", "slow")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try cli.bytes("tagged.md") == before, "skipped cells keep their recorded outputs")
        // Without the skip the slow cell runs and its recorded output is found stale.
        let full = try cli.run("check", "Chapters/tagged.md")
        #expect(full.status == 1)
        #expect(full.stderr.contains("(cell 2)"), "\(full.stderr)")
    }

    @Test func onlyTagsSkipOtherChaptersWithoutPassingThem() throws {
        let cli = try CLI("gpu-only.md", "good.md")
        defer { cli.remove() }
        let result = try cli.run("check", "Chapters", "--only-tags", "gpu", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONDecoder().decode(BookReport.self, from: Data(result.stdout.utf8))
        let byPath = Dictionary(uniqueKeysWithValues: report.chapters.map { ($0.path, $0) })
        #expect(byPath["Chapters/gpu-only.md"]?.cells.map(\.status) == [.passed])
        #expect(byPath["Chapters/good.md"]?.cells.map(\.status) == [.skipped, .skipped])
        #expect(byPath["Chapters/good.md"]?.cells.first?.skippedBecause == "not tagged gpu")
        #expect(report.skippedCells == 2)
        let skipped = try cli.run("check", "Chapters", "--skip-tags", "gpu", "--verbose")
        #expect(skipped.stderr.contains("Chapters/gpu-only.md: skipped (tags gpu)"), "\(skipped.stderr)")
    }

    @Test func badTagListsAreBadUsage() throws {
        let cli = try CLI("good.md")
        defer { cli.remove() }
        let result = try cli.run("check", "Chapters", "--skip-tags", "Slow")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--skip-tags needs a comma-separated list of tags"), "\(result.stderr)")
    }
}
