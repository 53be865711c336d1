import Foundation
import Testing

/// Figures end to end: `run` records a cell's figure as its description, an image line and an
/// SVG file; `check` compares the figure's data; a cell that stops showing a figure loses both.
@Suite(.serialized) struct CLIFigureTests {
    func figures(_ cli: CLI) -> URL { cli.folder.appendingPathComponent("Chapters/figures") }

    @Test func runRecordsFiguresAndCheckComparesThem() throws {
        let cli = try CLI("figures.md")
        defer { cli.remove() }
        let result = try cli.run("run", "Chapters/figures.md")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try cli.text("figures.md")
        #expect(text.contains("""
            figure
            ```

            ```output
            Figure "Training loss": line "loss" (5 points)
            ```
            ![Training loss](figures/figures-cell1.svg)

            Between the figures.
            """), "\(text)")
        #expect(text.contains("""
              ```output
              Figure "Weights [init]": histogram "w" (7 values, 3 bins)
              ```
              ![Weights \\[init\\]](figures/figures-cell2.svg)
            """), "\(text)")
        // A bad series stops the cell with a message that names it.
        #expect(text.contains(#"Fatal error: line "short" has 3 x values but 2 y values; they must pair up"#), "\(text)")
        let names = try FileManager.default.contentsOfDirectory(atPath: figures(cli).path).sorted()
        #expect(names == ["figures-cell1.svg", "figures-cell2.svg"])
        let svg = try String(contentsOf: figures(cli).appendingPathComponent("figures-cell1.svg"), encoding: .utf8)
        #expect(svg.contains(#"data-y="0.9 0.5 0.3 0.2 0.15""#))

        // Running again changes nothing; check passes.
        let bytes = try cli.bytes("figures.md")
        #expect(try cli.run("run", "Chapters/figures.md", "--no-cache").status == 0)
        #expect(try cli.bytes("figures.md") == bytes)
        #expect(try String(contentsOf: figures(cli).appendingPathComponent("figures-cell1.svg"), encoding: .utf8) == svg)
        let check = try cli.run("check", "Chapters/figures.md")
        #expect(check.status == 0, "\(check.stderr)")

        // A changed figure file is a stale figure, reported with the data's diff.
        try svg.replacingOccurrences(of: #"data-y="0.9 0.5"#, with: #"data-y="0.9 0.7"#)
            .write(to: figures(cli).appendingPathComponent("figures-cell1.svg"), atomically: true, encoding: .utf8)
        let stale = try cli.run("check", "Chapters/figures.md")
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("figure figures/figures-cell1.svg changed: numbers drifted beyond tolerance"), "\(stale.stderr)")
        #expect(stale.stderr.contains("+  y: 0.9 0.5 0.3 0.2 0.15"), "\(stale.stderr)")
    }

    @Test func aCellThatStopsShowingAFigureLosesItsLineAndFile() throws {
        let cli = try CLI("figures.md")
        defer { cli.remove() }
        #expect(try cli.run("run", "Chapters/figures.md").status == 0)
        try "mine".write(to: figures(cli).appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let edited = try cli.text("figures.md").replacingOccurrences(of: "figure.line(x: steps, y: losses, label: \"loss\")\nfigure\n",
                                                                     with: "print(\"no plot\")\n")
        try edited.write(to: cli.chapter("figures.md"), atomically: true, encoding: .utf8)
        let result = try cli.run("run", "Chapters/figures.md")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try cli.text("figures.md")
        #expect(text.contains("```output\nno plot\n```\n\nBetween the figures."), "\(text)")
        #expect(!text.contains("figures-cell1.svg"))
        let names = try FileManager.default.contentsOfDirectory(atPath: figures(cli).path).sorted()
        #expect(names == ["figures-cell2.svg", "notes.txt"])
    }
}
