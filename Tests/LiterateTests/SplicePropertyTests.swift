import Foundation
import Testing
@testable import Literate

/// Generated chapters (see `ChapterGenerator`) spliced with generated outputs, checked against
/// the rules every `run` relies on. The seed is fixed so CI sees the same cases every time;
/// `SWIFTBOOK_PROPERTY_CASES=100000` runs more, `SWIFTBOOK_PROPERTY_SEED=n` others.
@Suite struct SplicePropertyTests {
    static let environment = ProcessInfo.processInfo.environment
    static let cases = Int(environment["SWIFTBOOK_PROPERTY_CASES"] ?? "") ?? 1500
    static let seed = UInt64(environment["SWIFTBOOK_PROPERTY_SEED"] ?? "") ?? 14

    @Test func generatedChaptersKeepEveryByteAndReadBackTheirOutputs() throws {
        var generator = ChapterGenerator(seed: Self.seed)
        var withCells = 0
        var failures = 0
        for index in 0..<Self.cases {
            let hasCells = generator.chance(85)
            let bytes = generator.text(generator.lines(withCells: hasCells))
            var outputs: [Int: String?] = [:]
            var others: [Int: String?] = [:]
            for cell in 0..<8 {
                outputs.updateValue(generator.output(), forKey: cell)
                others.updateValue(generator.output(), forKey: cell)
            }
            let problems = Self.problems(bytes, outputs: outputs, others: others)
            if let chapter = try? Chapter(path: "g.md", bytes: bytes), !chapter.cells.isEmpty { withCells += 1 }
            if !problems.isEmpty {
                failures += 1
                if failures <= 3 {
                    let chapter = String(reflecting: String(decoding: bytes, as: UTF8.self))
                    let message = "case \(index) of seed \(Self.seed): \(problems.joined(separator: "; "))\nchapter: \(chapter)"
                    Issue.record(Comment(rawValue: message))
                }
            }
        }
        #expect(failures == 0)
        // The generator is worth its name: most chapters really have cells cmark finds.
        #expect(withCells * 2 > Self.cases, "only \(withCells) of \(Self.cases) generated chapters had cells")
    }

    /// What is wrong with splicing `outputs` into the chapter `bytes`; empty when all holds.
    static func problems(_ bytes: [UInt8], outputs: [Int: String?], others: [Int: String?]) -> [String] {
        guard let chapter = try? Chapter(path: "g.md", bytes: bytes) else { return [] } // an unclosed fence: refused, not spliced
        var problems: [String] = []
        func check(_ condition: Bool, _ what: String) { if !condition { problems.append(what) } }
        let mine = outputs.filter { $0.key < chapter.cells.count }
        check(chapter.splicing(outputEdits([:])) == bytes, "splicing nothing changed bytes")
        if chapter.cells.isEmpty {
            check(chapter.splicing(outputEdits(outputs)) == bytes, "a chapter without cells changed")
            return problems
        }
        let spliced = chapter.splicing(outputEdits(mine))
        guard let reread = try? Chapter(path: "g.md", bytes: spliced) else { return ["the spliced chapter does not parse"] }
        check(reread.cells.count == chapter.cells.count, "the number of cells changed")
        guard problems.isEmpty else { return problems }
        check(reread.cells.map(\.source) == chapter.cells.map(\.source), "a cell's code changed")
        check(reread.splicing(outputEdits(mine)) == spliced, "splicing the same outputs again changed bytes")
        check(DocumentStructure(spliced) == DocumentStructure(bytes), "the document's structure changed")
        let outline = MarkdownOutline(bytes: spliced, lines: LineTable(spliced))
        let cellBlocks = outline.codeBlocks.filter { $0.isFenced && Chapter.kind(of: $0.info) == "swift" }
        for (cell, block) in zip(reread.cells, cellBlocks) {
            let printed = mine[cell.id.index] ?? nil
            let expected = OutputBlockText.lines(of: OutputEncoding.encode(printed ?? "")).map { $0 + "\n" }.joined()
            check(cell.recordedOutput == (expected.isEmpty ? nil : expected), "cell \(cell.id.index) reads back as another output")
            // cmark's own reading of the block, independent of how swiftbook locates it.
            let literal = block.followingCodeBlock.map { outline.codeBlocks[$0] }.flatMap { $0.info == "output" ? $0.literal : nil }
            check((literal ?? "") == expected, "cmark reads cell \(cell.id.index)'s block as \(String(reflecting: literal ?? ""))")
            if let printed, !printed.isEmpty {
                check(OutputEncoding.decode(cell.recordedOutput ?? "") == normalized(printed),
                      "cell \(cell.id.index)'s output \(String(reflecting: cell.recordedOutput)) does not decode to \(String(reflecting: printed))")
            }
        }
        var removeAll: [Int: String?] = [:]
        for cell in chapter.cells { removeAll.updateValue(nil, forKey: cell.id.index) }
        check(reread.splicing(outputEdits(removeAll)) == bytes, "removing the outputs did not give back the original bytes")
        if let other = try? Chapter(path: "g.md", bytes: reread.splicing(outputEdits(others.filter { $0.key < chapter.cells.count }))) {
            check(other.splicing(outputEdits(mine)) == spliced, "replacing outputs and putting them back changed bytes")
        } else {
            problems.append("replacing outputs gave a chapter that does not parse")
        }
        return problems
    }

    /// What an output block stands for: the text with a final line break (a block's last line always has one).
    static func normalized(_ printed: String) -> String {
        // By bytes: `"\r\n"` is one Character, so `hasSuffix("\n")` would not see its line feed.
        printed.isEmpty || printed.utf8.last == UInt8(ascii: "\n") ? printed : printed + "\n"
    }
}
