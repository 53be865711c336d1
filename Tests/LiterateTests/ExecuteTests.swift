import Foundation
import Testing
@testable import Literate

/// The engine build next to the tests (the package's own `.build/debug`).
func testEngine() throws -> Engine {
    try #require(Engine(directory: CLI.buildFolder.path))
}

/// Executing planned cells: outputs per cell, failures, re-runs; and the output protocol.
@Suite struct ExecuteTests {
    func execute(_ cells: [ProgramCell], timeout: Double = 60, maxOutput: Int = 65536) throws -> ChapterExecution {
        let executor = ChapterExecutor(compiler: SwiftCompiler(engine: try testEngine()))
        return try executor.execute(cells, settings: ExecutionSettings(chapterName: "x.md", seed: 1, timeout: timeout,
                                                                       maxOutput: maxOutput))
    }

    @Test func cellsShareOneProcessAndExpectedFailuresAreOutputs() throws {
        let execution = try execute([
            ProgramCell(id: Cell.ID(number: 1), code: "let net = 1\nprint(net)", line: 3),
            ProgramCell(id: Cell.ID(number: 2), code: "let net = \"two\"\nnet", line: 8),
            ProgramCell(id: Cell.ID(number: 3), code: "let a = [1]\nprint(\"x\")\na[3]", line: 12, expectsFailure: true),
            ProgramCell(id: Cell.ID(number: 4), code: "print(net)", line: 20),
            ProgramCell(id: Cell.ID(number: 5), code: "let q: Int = \"s\"", line: 24, indentation: 3, expectsFailure: true),
        ])
        #expect(execution.outcomes.map(\.status) == [.passed, .passed, .passed, .passed, .passed])
        #expect(execution.outcomes.map(\.output) == [
            "1\n", "two\n", "x\nFatal error: Index out of range\n", "two\n",
            "error: cannot convert value of type 'String' to specified type 'Int'\nlet q: Int = \"s\"\n             ^\n",
        ])
    }

    /// A `fails` cell that declares nothing is skipped by the same binary after its trap; one
    /// that declares something is compiled out, as it must stay at file scope.
    @Test func aTrapInAFailsCellThatDeclaresNothingNeedsNoSecondCompile() throws {
        let skippable = try execute([
            ProgramCell(id: Cell.ID(number: 1), code: "let values = [1, 2, 3]\nprint(\"ready\")", line: 3),
            ProgramCell(id: Cell.ID(number: 2), code: "print(\"about to\")\nvalues[5]", line: 8, expectsFailure: true),
            ProgramCell(id: Cell.ID(number: 3), code: "print(values.count)", line: 13),
        ])
        #expect(skippable.outcomes.map(\.output) == ["ready\n", "about to\nFatal error: Index out of range\n", "3\n"])
        #expect(skippable.compilations == 1)
        let declaring = try execute([
            ProgramCell(id: Cell.ID(number: 1), code: "let values = [1, 2, 3]", line: 3),
            ProgramCell(id: Cell.ID(number: 2), code: "let bad = values[5]", line: 8, expectsFailure: true),
            ProgramCell(id: Cell.ID(number: 3), code: "print(values.count)", line: 13),
        ])
        #expect(declaring.outcomes.map(\.output) == ["", "Fatal error: Index out of range\n", "3\n"])
        #expect(declaring.compilations == 2)
    }

    @Test func compileErrorStopsLaterCellsButEarlierOnesRun() throws {
        let execution = try execute([
            ProgramCell(id: Cell.ID(number: 1), code: "print(1)", line: 3),
            ProgramCell(id: Cell.ID(number: 2), code: "print(undefinedName)", line: 7, indentation: 2),
            ProgramCell(id: Cell.ID(number: 3), code: "print(3)", line: 11),
        ])
        #expect(execution.outcomes.map(\.status) == [.passed, .failed, .notRun])
        #expect(execution.outcomes[0].output == "1\n")
        #expect(execution.outcomes[1].message == "cell 2 does not compile: cannot find 'undefinedName' in scope")
        #expect(execution.outcomes[1].position == CellPosition(cell: Cell.ID(number: 2), line: 1, column: 7))
    }

    @Test func fatalErrorInACellIsReportedAtItsLine() throws {
        let execution = try execute([
            ProgramCell(id: Cell.ID(number: 1), code: "print(\"a\")\nfatalError(\"boom\")", line: 3),
        ])
        #expect(execution.outcomes[0].status == .failed)
        #expect(execution.outcomes[0].message == "cell 1 crashed: Fatal error: boom")
        #expect(execution.outcomes[0].position == CellPosition(cell: Cell.ID(number: 1), line: 2, column: 1))
        #expect(execution.outcomes[0].output == "a\n")
    }

    @Test func warningsPointAtTheChapter() throws {
        let execution = try execute([
            ProgramCell(id: Cell.ID(number: 1), code: "func f() -> Int {\n    var unchanged = 1\n    return unchanged\n}\nprint(f())", line: 5, indentation: 2),
        ])
        #expect(execution.outcomes[0].output == "1\n")
        #expect(execution.warnings == [
            CellDiagnostic(position: CellPosition(cell: Cell.ID(number: 1), line: 2, column: 9), severity: .warning,
                           message: "variable 'unchanged' was never mutated; consider changing to 'let' constant"),
        ])
    }

    @Test func aCellCannotForgeACellBoundary() throws {
        let execution = try execute([
            ProgramCell(id: Cell.ID(number: 1), code: "print(\"\\u{1E}swiftbook:guess:2\\u{1E}\")\nprint(\"still cell 1\")", line: 3),
            ProgramCell(id: Cell.ID(number: 2), code: "print(\"cell 2\")", line: 7),
        ])
        #expect(execution.outcomes.map(\.output) == ["\u{1E}swiftbook:guess:2\u{1E}\nstill cell 1\n", "cell 2\n"])
    }

    @Test func outputParserFindsMarkersSplitAcrossChunks() {
        var parser = CellOutputParser(nonce: "n0", limit: 100)
        let stream = Array((CellMarker.text(nonce: "n0", cell: Cell.ID(number: 1)) + "hello\n" + CellMarker.text(nonce: "n0", cell: Cell.ID(number: 2))
                            + "world" + CellMarker.end(nonce: "n0")).utf8)
        for byte in stream { parser.consume([byte]) }
        parser.finish()
        #expect(parser.started == [Cell.ID(number: 1), Cell.ID(number: 2)])
        #expect(parser.ended)
        #expect(parser.outputs[Cell.ID(number: 1)]?.text == "hello\n")
        #expect(parser.outputs[Cell.ID(number: 2)]?.text == "world")
    }
}
