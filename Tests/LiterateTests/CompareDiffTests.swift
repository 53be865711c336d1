import Foundation
import Testing
@testable import Literate

@Suite struct CompareDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(unifiedDiff(recorded: "a\nb\n", actual: "a\nb\n") == "")
    }

    @Test func aChangedLineShowsWithThreeLinesOfContext() {
        let recorded = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let actual = recorded.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(unifiedDiff(recorded: recorded, actual: actual, recordedLabel: "a.md:12", actualLabel: "now") == """
            --- a.md:12
            +++ now
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    @Test func distantChangesMakeSeparateHunksAndCloseOnesMerge() {
        let recorded = (1...20).map { "\($0)" }.joined(separator: "\n")
        var lines = recorded.split(separator: "\n").map(String.init)
        lines[1] = "two"; lines[17] = "eighteen"
        let diff = unifiedDiff(recorded: recorded, actual: lines.joined(separator: "\n"))
        #expect(diff.components(separatedBy: "\n").filter { $0.hasPrefix("@@") } == ["@@ -1,5 +1,5 @@", "@@ -15,6 +15,6 @@"])
        lines = recorded.split(separator: "\n").map(String.init)
        lines[4] = "five"; lines[10] = "eleven"
        let merged = unifiedDiff(recorded: recorded, actual: lines.joined(separator: "\n"))
        #expect(merged.components(separatedBy: "\n").filter { $0.hasPrefix("@@") } == ["@@ -2,13 +2,13 @@"])
    }

    @Test func insertionsIntoAndDeletionsFromEmptyTexts() {
        #expect(unifiedDiff(recorded: "", actual: "x\ny\n") == "--- recorded\n+++ actual\n@@ -0,0 +1,2 @@\n+x\n+y\n")
        #expect(unifiedDiff(recorded: "x\n", actual: "") == "--- recorded\n+++ actual\n@@ -1 +0,0 @@\n-x\n")
    }

    @Test func theEditScriptIsAShortestOne() {
        let a = "a b c a b b a".split(separator: " ").map(String.init)
        let b = "c b a b a c".split(separator: " ").map(String.init)
        let script = shortestEditScript(a, b)
        // Myers' example: the shortest script has 5 edits (LCS of length 4).
        #expect(script.filter { $0.kind != .same }.count == 5)
        #expect(script.filter { $0.kind != .inserted }.map { a[$0.oldLine] } == a)
        #expect(script.filter { $0.kind != .deleted }.map { b[$0.newLine] } == b)
    }
}
