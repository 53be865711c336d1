import Foundation
import Testing
@testable import Literate

/// The JSON report is read by other programs (CI, `merge-reports`): cell statuses and problem
/// kinds are enums in the code and exactly the words of before in the file.
@Suite struct ReportJSONTests {
    /// A report with every cell status and the problem kinds `run` and `check` write.
    static var report: BookReport {
        var chapter = ChapterReport(path: "Chapters/x.md")
        chapter.cells = [
            .init(id: Cell.ID(number: 1), line: 3, status: .passed),
            .init(id: Cell.ID(number: 2), line: 9, status: .failed),
            .init(id: Cell.ID(number: 3), line: 15, status: .stale),
            .init(id: Cell.ID(number: 4), line: 20, status: .notRun),
            .init(id: Cell.ID(number: 5), line: 25, status: .noRun),
            .init(id: Cell.ID(number: 6), line: 30, status: .unchecked),
            .init(id: Cell.ID(number: 7), line: 35, status: .skipped, skippedBecause: "tags slow"),
        ]
        chapter.problems = [
            .init(line: 10, column: 14, kind: .newFailure, message: "cell 2 does not compile"),
            .init(line: 16, column: nil, kind: .changedNumber, message: "a whole number changed", diff: "-5\n+4\n"),
            .init(line: 0, column: nil, kind: .write, message: "the chapter is read-only"),
            .init(line: 0, column: nil, kind: .failed, message: "no engine build found"),
        ]
        chapter.warnings = ["Chapters/x.md:4:9: warning: never mutated"]
        chapter.seconds = 1.5
        chapter.compilations = 1
        chapter.compileSeconds = 0.25
        chapter.runSeconds = 0.5
        return BookReport(mode: "check", exitCode: 1, shard: "2/4", chapters: [chapter])
    }

    static let recorded = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("reports/check-report.json")

    /// The fixture was written by the report types of before the enums (statuses and kinds as strings).
    @Test func theReportReadsAsItDidWithStrings() throws {
        let expected = try String(contentsOf: Self.recorded, encoding: .utf8)
        #expect(Self.report.json == expected)
    }

    @Test func aRecordedReportReadsBackToTheSameValuesAndBytes() throws {
        let data = try Data(contentsOf: Self.recorded)
        let decoded = try JSONDecoder().decode(BookReport.self, from: data)
        #expect(decoded.chapters[0].cells.map(\.status) == ChapterReport.Cell.Status.allCases)
        #expect(decoded.chapters[0].problems.map(\.kind) == [.newFailure, .changedNumber, .write, .failed])
        #expect(decoded.skippedCells == 1)
        #expect(decoded.json == String(decoding: data, as: UTF8.self))
    }

    @Test func theWordsOfStatusesAndKinds() {
        #expect(ChapterReport.Cell.Status.allCases.map(\.rawValue)
                == ["passed", "failed", "stale", "not-run", "no-run", "unchecked", "skipped"])
        #expect(ChapterReport.Problem.Kind.allCases.map(\.rawValue) == ["failed", "write"] + [
            MismatchKind.numericDrift, .changedText, .changedShape, .changedNumber, .missingOutput, .vanishedOutput,
            .newFailure, .unexpectedSuccess,
        ].map(\.rawValue))
        #expect(ChapterReport.Problem.Kind(MismatchKind.unexpectedSuccess) == .unexpectedSuccess)
    }

    /// The summary line `run` and `check` end with.
    @Test func theSummaryLine() {
        var cached = ChapterReport(path: "a.md")
        cached.cached = true
        cached.cells = [.init(id: Cell.ID(number: 1), line: 1, status: .passed), .init(id: Cell.ID(number: 2), line: 5, status: .noRun),
                        .init(id: Cell.ID(number: 3), line: 9, status: .unchecked)]
        var fresh = ChapterReport(path: "b.md")
        fresh.cells = [.init(id: Cell.ID(number: 1), line: 1, status: .passed)]
        var run = BookRun(mode: .check)
        run.chapters = [cached, fresh]
        run.seconds = 1.24
        #expect(ReportText.summary(run) == "swiftbook: checked 2 chapters, 3 cells (2 from the cache) in 1.2 s; all good\n")

        fresh.cells.append(.init(id: Cell.ID(number: 2), line: 4, status: .skipped, skippedBecause: "tags slow"))
        fresh.problems = [.init(line: 1, column: nil, kind: .changedText, message: "text changed")]
        run = BookRun(mode: .run, shard: Shard(index: 1, count: 2))
        run.chapters = [fresh]
        run.failedChapters = 1
        #expect(ReportText.summary(run)
                == "swiftbook: ran 1 chapter (shard 1/2), 1 cell (0 from the cache) in 0.0 s; 1 with problems; 1 cell skipped by tags\n")
    }
}
