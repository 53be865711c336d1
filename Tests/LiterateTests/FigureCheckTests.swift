import Foundation
import Testing
import Plot
@testable import Literate

/// `check` compares a figure by its data, with the cell's tolerance, and says what changed.
@Suite struct FigureCheckTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-figure-check-\(UUID().uuidString)")

    static func svg(_ losses: [Double], label: String = "loss") -> String {
        let figure = Figure(title: "Training loss", xLabel: "step", yLabel: "loss")
        figure.line(x: Array(1...losses.count), y: losses, label: label)
        return figure.svg
    }

    /// A chapter whose one cell records `recorded` as its figure (nil: no figure line).
    func chapter(recorded: String?, options: String = "") throws -> RunnableChapter {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("figures"), withIntermediateDirectories: true)
        var text = "```swift\(options)\nfigure\n```\n\n```output\nFigure \"Training loss\": line \"loss\" (3 points)\n```\n"
        if let recorded {
            text += "![Training loss](figures/c-cell1.svg)\n"
            try recorded.write(to: root.appendingPathComponent("figures/c-cell1.svg"), atomically: true, encoding: .utf8)
        }
        let path = root.appendingPathComponent("c.md").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try RunnableChapter.load(path: path)
    }

    @Test func dataWithinTolerancePassesAndBytesDoNotMatter() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let chapter = try chapter(recorded: Self.svg([0.9, 0.5, 0.3]).replacingOccurrences(of: "#1f77b4", with: "red"))
        #expect(chapter.cells[0].compareFigure(actual: Self.svg([0.9, 0.50001, 0.3]), in: chapter) == nil)
    }

    @Test func dataBeyondToleranceIsAStaleFigure() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let chapter = try chapter(recorded: Self.svg([0.9, 0.5, 0.3]))
        let problem = try #require(chapter.cells[0].compareFigure(actual: Self.svg([0.9, 0.6, 0.3]), in: chapter))
        #expect(problem.kind == .numericDrift)
        #expect(problem.line == 8, "the figure line")
        #expect(problem.message.hasPrefix("figure figures/c-cell1.svg changed: numbers drifted beyond tolerance"), "\(problem.message)")
        #expect(problem.message.contains("0.5") && problem.message.contains("0.6"))
        #expect(problem.diff?.contains("-  y: 0.9 0.5 0.3") == true, "\(problem.diff ?? "")")
        #expect(problem.diff?.contains("+  y: 0.9 0.6 0.3") == true)
        // A wider tolerance accepts it.
        let loose = try self.chapter(recorded: Self.svg([0.9, 0.5, 0.3]), options: " rtol=0.5")
        #expect(loose.cells[0].compareFigure(actual: Self.svg([0.9, 0.6, 0.3]), in: loose) == nil)
    }

    @Test func aRenamedSeriesOrAnotherPointCountIsReported() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let chapter = try chapter(recorded: Self.svg([0.9, 0.5, 0.3]))
        #expect(chapter.cells[0].compareFigure(actual: Self.svg([0.9, 0.5, 0.3], label: "train"), in: chapter)?.kind
                == .changedText)
        #expect(chapter.cells[0].compareFigure(actual: Self.svg([0.9, 0.5, 0.3, 0.2]), in: chapter)?.kind
                == .changedShape)
    }

    @Test func missingAndVanishedFigures() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let unrecorded = try chapter(recorded: nil)
        let missing = try #require(unrecorded.cells[0].compareFigure(actual: Self.svg([1]), in: unrecorded))
        #expect(missing.kind == .missingOutput)
        #expect(missing.message.contains("figure not recorded"))
        #expect(unrecorded.cells[0].compareFigure(actual: nil, in: unrecorded) == nil)

        let recorded = try chapter(recorded: Self.svg([1]))
        #expect(recorded.cells[0].compareFigure(actual: nil, in: recorded)?.kind == .vanishedOutput)
        try FileManager.default.removeItem(at: root.appendingPathComponent("figures/c-cell1.svg"))
        let gone = try #require(recorded.cells[0].compareFigure(actual: Self.svg([1]), in: recorded))
        #expect(gone.message.contains("is missing or not a figure"))
    }

    @Test func figureDataReadsTheSeriesBack() throws {
        let data = try #require(FigureData(svg: Self.svg([0.9, 0.5])))
        #expect(data.comparableText == """
            figure "Training loss"
            x axis "step" (linear), y axis "loss" (linear)
            line "loss"
              x: 1.0 2.0
              y: 0.9 0.5

            """)
        #expect(FigureData(svg: "<html/>") == nil)
        #expect(FigureData(svg: "not xml") == nil)
    }
}
