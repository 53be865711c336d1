import Foundation
import Testing
@testable import Literate

/// The one formatter of errors, warnings and notes, and every stage's errors through it.
@Suite struct DiagnosticTests {
    @Test func everyFormOfLocation() {
        #expect(Diagnostic.error("no such cell", path: "Chapters/x.md", line: 57, column: 12).description
                == "Chapters/x.md:57:12: error: no such cell")
        #expect(Diagnostic.error("a whole number changed", path: "Chapters/x.md", line: 8).description
                == "Chapters/x.md:8: error: a whole number changed")
        #expect(Diagnostic.error("the chapter is read-only", path: "Chapters/x.md").description
                == "Chapters/x.md: error: the chapter is read-only")
        #expect(Diagnostic(.error, "no engine build found").description == "error: no engine build found")
        #expect(Diagnostic(.warning, at: .init(path: "a.md", line: 3, column: 9), "never mutated").description
                == "a.md:3:9: warning: never mutated")
        // A column without a line means nothing and is not printed.
        #expect(Diagnostic.error("whole file", path: "a.md", column: 4).description == "a.md: error: whole file")
        #expect(Diagnostic(.note, "see here").line == "note: see here\n")
    }

    @Test func notesFollowTheMessageAndTheDetailComesLastAsItIs() {
        let diagnostic = Diagnostic(.error, at: .init(path: "a.md", line: 12, column: 14), "cell 2 does not compile",
                                    notes: [Diagnostic(.error, at: .init(path: "a.md", line: 13, column: 17), "cannot convert")],
                                    detail: "--- recorded\n+++ actual\n-5\n+4\n")
        #expect(diagnostic.description == """
            a.md:12:14: error: cell 2 does not compile
            a.md:13:17: error: cannot convert
            --- recorded
            +++ actual
            -5
            +4
            """)
        #expect(diagnostic.line.hasSuffix("+4\n") && !diagnostic.line.hasSuffix("\n\n"))
        // An empty detail adds no empty line.
        #expect(Diagnostic.error("x", path: "a.md", line: 1, detail: "").description == "a.md:1: error: x")
    }

    @Test func eachStagesErrorsPrintThroughTheFormatter() {
        let chapter = ChapterError(location: SourceLocation(path: "a.md", line: 7, column: 12), message: "unknown cell option 'fail'")
        #expect(chapter.description == "a.md:7:12: error: unknown cell option 'fail'")
        #expect(ChapterError(path: "a.md", message: "cannot read chapter").description == "a.md: error: cannot read chapter")
        #expect(RenderError(path: "a.md", line: 3, "no column given").description == "a.md:3:1: error: no column given")
        #expect(RenderError(path: "site", "refusing").description == "site: error: refusing")
        #expect(ExecutionError.io("cannot create the cache folder").description == "error: cannot create the cache folder")
        #expect(throws: ChildProcess.cannotStart("/nonexistent/swiftc", ENOENT)) {
            try ChildProcess.run("/nonexistent/swiftc", arguments: []) { _ in }
        }
        #expect(ChildProcess.cannotStart("swiftc", ENOENT).description == "error: cannot start swiftc: No such file or directory")
        #expect(PreviewError.badHost("nowhere").description
                == "error: cannot listen on host 'nowhere'; give an address of this machine, e.g. --host 127.0.0.1")
        #expect(ChapterWriteError.vanished.diagnostics.first?.location == nil)
        #expect(ChapterWriteError.vanished.description.hasPrefix("error: the chapter was deleted or moved"))
        #expect(ReportMerger.Problem("1.json", "cannot read the report").description == "1.json: error: cannot read the report")
        #expect(ReportMerger.Problem(nil, "no reports to merge").description == "error: no reports to merge")
        #expect(ChapterOrder.missing("nowhere.md").description.hasPrefix("nowhere.md: error: no such file or folder"))
        let translation = TranslationProblem(path: "ja/x.md", line: 33, column: 1, message: "source changed", diff: "-a\n+b\n")
        #expect(translation.description == "ja/x.md:33:1: error: source changed\n-a\n+b")
    }

    @Test func aRenderFailureIsEveryOneOfItsErrorsNestedOnesIncluded() {
        let inner = RenderFailure(errors: [RenderError(path: "ORDER", line: 2, column: 1, "'x.md' is listed twice")])
        let failure = RenderFailure(errors: [RenderError(path: "a.md", "no such file or folder"), inner, ExecutionError.io("boom")])
        #expect(failure.diagnostics.count == 3)
        #expect(failure.description == """
            a.md: error: no such file or folder
            ORDER:2:1: error: 'x.md' is listed twice
            error: boom
            """)
    }

    @Test func anyOtherErrorBecomesOneErrorWithItsDescription() {
        struct Plain: Error, CustomStringConvertible { var description: String { "something broke" } }
        #expect(Diagnostic.all(from: Plain()) == [Diagnostic(.error, "something broke")])
        #expect(Diagnostic.all(from: RenderError(path: "a.md", "x")) == [.error("x", path: "a.md")])
    }

    @Test func githubAnnotationsCarryTheLocationAndEscapeTheMessage() {
        let stale = Diagnostic.error("a whole number changed: '5' became '4' (cell 1)", path: "Chapters/a,b.md", line: 8,
                                     detail: "-5\n+4\n")
        #expect(stale.githubAnnotation
                == "::error file=Chapters/a%2Cb.md,line=8::a whole number changed: '5' became '4' (cell 1)%0A-5%0A+4%0A\n")
        #expect(Diagnostic.error("100% broken", path: "a.md").githubAnnotation == "::error file=a.md::100%25 broken\n")
        #expect(Diagnostic(.warning, "\u{1B}[31m").githubAnnotation == "::warning::\\u{1B}[31m\n")
    }

    @Test func aChapterProblemIsADiagnosticAtTheChapter() {
        var report = ChapterReport(path: "Chapters/x.md")
        report.problems = [
            .init(line: 8, column: nil, kind: .changedNumber, message: "a whole number changed", diff: "-5\n+4\n"),
            .init(line: 12, column: 14, kind: .newFailure, message: "cell 2 does not compile"),
            .init(line: 0, column: nil, kind: .write, message: "the chapter is read-only"),
        ]
        report.warnings = ["Chapters/x.md:3:9: warning: never mutated"]
        #expect(ReportText.problems(report) == """
            Chapters/x.md:3:9: warning: never mutated
            Chapters/x.md:8: error: a whole number changed
            -5
            +4
            Chapters/x.md:12:14: error: cell 2 does not compile
            Chapters/x.md: error: the chapter is read-only

            """)
        #expect(ReportText.annotations(report) == """
            ::error file=Chapters/x.md,line=8::a whole number changed%0A-5%0A+4%0A
            ::error file=Chapters/x.md,line=12,col=14::cell 2 does not compile
            ::error file=Chapters/x.md::the chapter is read-only

            """)
    }
}
