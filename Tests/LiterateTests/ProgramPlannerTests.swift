import SwiftParser
import Testing
@testable import Literate

/// The planner's edits, read from the program text it produces. The rule throughout: the newest
/// declaration of every name is as written; a declaration a later cell replaces, and exactly the
/// references that mean it, get another spelling.
@Suite struct ProgramPlannerTests {
    let planner = ProgramPlanner(chapterName: "x.md", seed: 42)

    func plan(_ codes: String..., fails: Set<Int> = []) -> ProgramPlan {
        planner.plan(codes.enumerated().map { ProgramCell(id: Cell.ID(number: $0.offset + 1), code: $0.element, line: 10 * $0.offset + 3,
                                                            expectsFailure: fails.contains($0.offset + 1)) })
    }

    func code(_ plan: ProgramPlan, _ number: Int) -> String { plan.cell(Cell.ID(number: number))!.edited.text }

    @Test func aReplacedValueIsRenamedWhereItIsInForce() {
        let plan = plan("let net = 1\nprint(net)", "let net = net + 1\nprint(net, separator: \"net\")\nnet")
        #expect(code(plan, 1) == "let net·1 = 1\n__show(print(net·1))")
        #expect(code(plan, 2) == "let net = net·1 + 1\nprint(net, separator: \"net\")\n__show(net)")
    }

    @Test func memberNamesLabelsAndKeyPathsAreNotReferences() {
        let plan = plan("var x = 1\nlet p = (x: x, y: 1)\nfunc f(x: Int) -> Int { x }\nlet q = p.x + f(x: x)\nlet k = \\S.x", "var x = 2")
        #expect(code(plan, 1) == "var x·1 = 1\nlet p = (x: x·1, y: 1)\nfunc f(x: Int) -> Int { x }\nlet q = p.x + f(x: x·1)\nlet k = \\S.x")
    }

    @Test func aReplacedTypeMovesIntoANamespaceAndKeepsItsOwnName() {
        let plan = plan("struct MLP { var a = 1; func copy() -> MLP { MLP() } }\nlet m: MLP = MLP()\nextension MLP {}",
                        "final class MLP { var b = 2 }")
        #expect(code(plan, 1) == "enum MLP·1 { struct MLP { var a = 1; func copy() -> MLP { MLP() } } }\n"
            + "let m: MLP·1.MLP = MLP·1.MLP()\nextension MLP·1.MLP {}")
        #expect(code(plan, 2) == "final class MLP { var b = 2 }")
    }

    @Test func aReplacedPrivateTypeBecomesFileprivateInItsNamespace() {
        let plan = plan("private struct Token { var id = 1 }", "private struct Token { var id = 2 }")
        #expect(code(plan, 1) == "enum Token·1 { fileprivate struct Token { var id = 1 } }")
    }

    @Test func onlyAFunctionWithTheSameSignatureIsReplaced() {
        let plan = plan("func f() -> Int { 1 }\nfunc g(_ a: Int) {}\nfunc g(_ a: String) {}\nlet y = f()",
                        "func f(_ a: Int) -> Int { a }\nprint(f(), f(2))",
                        "func f() -> Int { 3 }\nprint(f(), f(4))")
        #expect(code(plan, 1) == "func f·1() -> Int { 1 }\nfunc g(_ a: Int) {}\nfunc g(_ a: String) {}\nlet y = f·1()")
        #expect(code(plan, 2) == "func f(_ a: Int) -> Int { a }\n__show(print(f·1(), f(2)))")
        #expect(code(plan, 3) == "func f() -> Int { 3 }\n__show(print(f(), f(4)))")
    }

    @Test func callLabelsChooseAmongOverloads() {
        let plan = plan("func greet(person: String) -> String { person }\nfunc greet(person: String, again: Bool) -> String { person }\n"
                        + "print(greet(person: \"a\"), greet(person: \"b\", again: true), greet(person:))",
                        "func greet(person: String) -> String { \"hi\" }")
        #expect(code(plan, 1).hasSuffix("print(greet·1(person: \"a\"), greet(person: \"b\", again: true), greet·1(person:)))"))
    }

    @Test func aFunctionIsVisibleInItsWholeCell() {
        let plan = plan("func f() -> Int { 1 }", "let y = f()\nfunc f() -> Int { 2 }", "func f() -> Int { 3 }")
        #expect(code(plan, 2) == "let y = f·2()\nfunc f·2() -> Int { 2 }")
    }

    @Test func lastExpressionIsShownButNotAssignmentsOrStatements() {
        #expect(code(plan("var a = 1\na + 1"), 1) == "var a = 1\n__show(a + 1)")
        for statement in ["a = 2", "a += 1", "if a > 0 { print(a) }", "fatalError(\"x\")", "let b = a"] {
            #expect(code(plan(statement), 1) == statement)
        }
        let plain = planner.plan([ProgramCell(id: Cell.ID(number: 1), code: "var a = 1\na + 1", line: 1)], withoutDisplay: [Cell.ID(number: 1)])
        #expect(code(plain, 1) == "var a = 1\na + 1")
    }

    @Test func everyCellIsAtFileScopeAndPositionedInItself() {
        let plan = plan("let a = [1]\na[3]", fails: [1])
        #expect(plan.source.contains("#sourceLocation(file: \"x.md#1\", line: 1)\nlet a = [1]\n__show(a[3])\n#sourceLocation()\n"))
        #expect(!plan.source.contains("if "))
    }

    @Test func aFailsCellThatDeclaresNothingCanBeSkipped() {
        let plan = plan("let a = [1]", "print(1)\na[3]", "let b = a[3]", "defer { print(2) }\na[3]", fails: [2, 3, 4])
        #expect(plan.source.contains("if __swiftbookRuns(2) {\n#sourceLocation(file: \"x.md#2\", line: 1)\nprint(1)\n__show(a[3])\n#sourceLocation()\n}\n"))
        #expect(!plan.source.contains("__swiftbookRuns(3)"))
        #expect(!plan.source.contains("__swiftbookRuns(4)"))
        #expect(plan.cell(Cell.ID(number: 2))?.skippable == true && plan.cell(Cell.ID(number: 3))?.skippable == false)
    }

    @Test func aCellWithASyntaxErrorIsCopiedAsWritten() {
        let plan = plan("let x = 1", "let x = (\nx", "let x = 3")
        #expect(code(plan, 2) == "let x = (\nx")
    }

    @Test func columnsMapBackThroughEdits() {
        let plan = plan("let net = 1\nnet + undefined", "let net = 2")
        let cell = plan.cells[0]
        // `__show(net·1 + undefined)`: `undefined` is at generated column 17 (in bytes; `·` is two).
        #expect(cell.edited.text.hasSuffix("__show(net·1 + undefined)"))
        #expect(cell.originalColumn(line: 2, column: 17) == 7)
        #expect(cell.originalColumn(line: 2, column: 1) == 1)
    }

    @Test func localsParametersAndMembersHideTopLevelNames() {
        let plan = plan("let w = 1\nlet f = { (w: Int) in w + 1 }\nstruct S { var w = 0; func g() -> Int { w } }\nlet h = { w }\n"
                        + "func k(_ v: Int) -> Int { let w = v; return w }\nif true { let w = 5; print(w) }\n"
                        + "switch 7 { case let w: print(w) }\ndo { try k2() } catch { print(error, w) }",
                        "let w = 2\nlet error = 0")
        #expect(code(plan, 1) == "let w·1 = 1\nlet f = { (w: Int) in w + 1 }\nstruct S { var w = 0; func g() -> Int { w } }\n"
            + "let h = { w·1 }\nfunc k(_ v: Int) -> Int { let w = v; return w }\nif true { let w = 5; print(w) }\n"
            + "switch 7 { case let w: print(w) }\ndo { try k2() } catch { print(error, w·1) }")
    }

    @Test func inheritedMembersHideTopLevelNames() {
        let plan = plan("var name = \"g\"\nclass Animal { var name = \"Rex\" }\nclass Dog: Animal { func speak() { print(name) } }\n"
                        + "protocol Named { var title: String { get } }\nextension Named { var label: String { title } }",
                        "var name = \"h\"\nvar title = 1\nvar label = 2")
        #expect(code(plan, 1).contains("class Dog: Animal { func speak() { print(name) } }"))
        #expect(code(plan, 1).contains("extension Named { var label: String { title } }"))
    }

    @Test func aVariablesOwnAccessorsMeanIt() {
        let plan = plan("var steps = 0 {\n    didSet { if steps > oldValue { print(steps) } }\n}\nvar total: Int { steps * 2 }\nvar copy = steps",
                        "var steps = 1\nvar total = 0\nvar copy = 0")
        #expect(code(plan, 1) == "var steps·1 = 0 {\n    didSet { if steps·1 > oldValue { print(steps·1) } }\n}\n"
            + "var total·1: Int { steps·1 * 2 }\nvar copy·1 = steps·1")
    }

    @Test func aCaptureListCapturesTheValueInForce() {
        let plan = plan("var a = 0\nlet c = { [a] in print(a) }", "var a = 1")
        #expect(code(plan, 1) == "var a·1 = 0\nlet c = { [a = a·1] in print(a) }")
    }

    @Test func bindingsShadowInTheirBodiesOnly() {
        let plan = plan("var layer: Int? = 1\nfor layer in [3] { print(layer) }\nif let layer { print(layer) } else { print(layer) }\n"
                        + "if let layer = layer { print(layer) }\nwhile let layer { print(layer) }",
                        "var layer: Int? = 2")
        #expect(code(plan, 1) == "var layer·1: Int? = 1\nfor layer in [3] { print(layer) }\n"
            + "if let layer = layer·1 { print(layer) } else { print(layer·1) }\nif let layer = layer·1 { print(layer) }\n"
            + "while let layer = layer·1 { print(layer) }")
    }

    @Test func guardLetAtTopLevelDeclaresAName() {
        let plan = plan("let v: Int? = 1\nguard let v2 = v else { fatalError() }", "let v2 = v2 + 1\nv2")
        #expect(code(plan, 1) == "let v: Int? = 1\nguard let v2·1 = v else { fatalError() }")
        #expect(code(plan, 2) == "let v2 = v2·1 + 1\n__show(v2)")
    }

    @Test func guardCaseAtTopLevelDeclaresItsNamesToo() {
        let plan = plan("let v: Int? = 1\nguard case let w? = v else { fatalError() }\nprint(w)", "let w = w + 1\nw")
        #expect(code(plan, 1) == "let v: Int? = 1\nguard case let w·1? = v else { fatalError() }\n__show(print(w·1))")
        #expect(code(plan, 2) == "let w = w·1 + 1\n__show(w)")
    }

    @Test func aCellsSeedDependsOnItsCodeNotItsPosition() {
        func seeds(_ plan: ProgramPlan) -> [String] {
            plan.source.split(separator: "\n").filter { $0.hasPrefix("__swiftbookBegin(") }.map { String($0.split(separator: " ").last!) }
        }
        let before = seeds(plan("let a = Tensor.rand(2)", "print(Tensor.randn(3))"))
        let after = seeds(plan("let noise = 1", "let a = Tensor.rand(2)", "// a comment\nprint( Tensor.randn(3) )"))
        #expect(Array(after.dropFirst()) == before)
        let twice = seeds(plan("Tensor.rand(2)", "Tensor.rand(2)"))
        #expect(twice[0] != twice[1])
    }

    @Test func messagesSpeakOfTheAuthorsNames() {
        #expect(authorsNames(in: "cannot convert value of type 'MLP·3.MLP' to 'Box·12.Box<Int>'; 'net·2' is unused")
                == "cannot convert value of type 'MLP' to 'Box<Int>'; 'net' is unused")
        #expect(authorsNames(in: "a middle dot · alone") == "a middle dot · alone")
    }
}
