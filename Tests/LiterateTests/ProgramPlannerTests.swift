import Testing
@testable import Literate

/// The planner's edits, read from the program text it produces.
@Suite struct ProgramPlannerTests {
    let planner = ProgramPlanner(chapterPath: "Chapters/x.md", seed: 42, callsManualSeed: false)

    func cellCode(_ plan: ProgramPlan, _ number: Int) -> String {
        plan.cells.first { $0.cell.number == number }!.edited.text
    }

    @Test func redeclaredValueIsRenamedFromItsNextStatement() {
        let plan = planner.plan([
            ProgramCell(number: 1, code: "let net = 1\nprint(net)", line: 3),
            ProgramCell(number: 2, code: "let net = net + 1\nprint(net, separator: \"net\")\nnet", line: 8),
        ])
        #expect(cellCode(plan, 2) == "let net__2 = net + 1\nprint(net__2, separator: \"net\")\n__show(net__2)")
        #expect(cellCode(plan, 1) == "let net = 1\n__show(print(net))")
    }

    @Test func memberNamesLabelsAndLocalsAreNotRenamed() {
        let plan = planner.plan([
            ProgramCell(number: 1, code: "var x = 1", line: 3),
            ProgramCell(number: 2, code: "var x = 2\nlet p = (x: x, y: 1)\nfunc f(x: Int) -> Int { x }\nlet q = p.x + f(x: x)", line: 8),
        ])
        #expect(cellCode(plan, 2) == "var x__2 = 2\nlet p = (x: x__2, y: 1)\nfunc f(x: Int) -> Int { x }\nlet q = p.x + f(x: x__2)")
    }

    @Test func redeclaredTypeMovesIntoANamespace() {
        let plan = planner.plan([
            ProgramCell(number: 1, code: "struct MLP { var a = 1 }", line: 3),
            ProgramCell(number: 2, code: "final class MLP { var b = 2 }\nlet m: MLP = MLP()\nextension MLP {}", line: 8),
        ])
        #expect(cellCode(plan, 2) == "enum __Cell2_MLP { final class MLP { var b = 2 } }\n"
            + "let m: __Cell2_MLP.MLP = __Cell2_MLP.MLP()\nextension __Cell2_MLP.MLP {}")
    }

    @Test func redeclaredFunctionIsRenamedInItsWholeCell() {
        let plan = planner.plan([
            ProgramCell(number: 1, code: "func f() -> Int { 1 }", line: 3),
            ProgramCell(number: 2, code: "let y = f()\nfunc f() -> Int { 2 }", line: 8),
        ])
        #expect(cellCode(plan, 2) == "let y = f__2()\nfunc f__2() -> Int { 2 }")
    }

    @Test func lastExpressionIsShownButNotAssignmentsOrStatements() {
        let shown = planner.plan([ProgramCell(number: 1, code: "var a = 1\na + 1", line: 1)])
        #expect(cellCode(shown, 1) == "var a = 1\n__show(a + 1)")
        for code in ["a = 2", "a += 1", "if a > 0 { print(a) }", "fatalError(\"x\")", "let b = a"] {
            let plan = planner.plan([ProgramCell(number: 1, code: code, line: 1)])
            #expect(cellCode(plan, 1) == code)
        }
    }

    @Test func failsCellRunsInItsOwnScope() {
        let plan = planner.plan([ProgramCell(number: 1, code: "let a = [1]\na[3]", line: 5, expectsFailure: true)])
        #expect(plan.source.contains("if __swiftbookRuns(1) {\n#sourceLocation(file: \"Chapters/x.md\", line: 5)\nlet a = [1]\n__show(a[3])\n#sourceLocation()\n}"))
    }

    @Test func columnsMapBackThroughEditsAndIndentation() {
        let plan = planner.plan([
            ProgramCell(number: 1, code: "let net = 1", line: 3),
            ProgramCell(number: 2, code: "let net = 2\nnet + undefined", line: 10, indentation: 4),
        ])
        let cell = plan.cells[1]
        // `__show(net__2 + undefined)`: `undefined` is at generated column 17, chapter column 7 + 4.
        #expect(cell.edited.text.hasSuffix("__show(net__2 + undefined)"))
        #expect(plan.chapterColumn(of: cell, line: 11, column: 17) == 11)
        #expect(plan.chapterColumn(of: cell, line: 11, column: 1) == 5)
    }

    @Test func closureParametersAndMembersShadowTopLevelNames() {
        let plan = planner.plan([
            ProgramCell(number: 1, code: "let w = 1", line: 3),
            ProgramCell(number: 2, code: "let w = 2\nlet f = { (w: Int) in w + 1 }\nstruct S { var w = 0; func g() -> Int { w } }\nlet h = { w }", line: 8),
        ])
        #expect(cellCode(plan, 2) == "let w__2 = 2\nlet f = { (w: Int) in w + 1 }\nstruct S { var w = 0; func g() -> Int { w } }\nlet h = { w__2 }")
    }

    @Test func guardLetAtTopLevelDeclaresAName() {
        let plan = planner.plan([
            ProgramCell(number: 1, code: "let v: Int? = 1\nguard let v2 = v else { fatalError() }", line: 3),
            ProgramCell(number: 2, code: "let v2 = v2 + 1\nv2", line: 8),
        ])
        #expect(cellCode(plan, 2) == "let v2__2 = v2 + 1\n__show(v2__2)")
    }

    @Test func loopAndIfBindingsShadowInTheirBodiesOnly() {
        let plan = planner.plan([
            ProgramCell(number: 1, code: "var layer: Int? = 1", line: 3),
            ProgramCell(number: 2, code: "var layer: Int? = 2\nfor layer in [3] { print(layer) }\nif let layer { print(layer) } else { print(layer) }\nif let layer = layer { print(layer) }", line: 8),
        ])
        #expect(cellCode(plan, 2) == "var layer__2: Int? = 2\nfor layer in [3] { print(layer) }\n"
            + "if let layer = layer__2 { print(layer) } else { print(layer__2) }\nif let layer = layer__2 { print(layer) }")
    }
}
