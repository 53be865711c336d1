/// How a chapter program hands a figure to the runner.
///
/// A cell that ends in a `Plot.Figure` prints the figure's one-line description (its recorded
/// output) and then a marker, `\u{1E}swiftbook:<nonce>:figure` + line feed + the SVG + `\u{1E}`,
/// protected by the run's nonce like every marker (see `ProgramPrelude`). The SVG never holds the
/// separator (`Figure.svg` writes control characters as U+FFFD), so the marker ends where the
/// SVG does. `CellOutputParser` keeps the SVG with the cell's output, apart from its text.
enum FigureMarker {
    /// What follows the nonce in the marker's name, before the SVG.
    static let namePrefix = "figure\n"

    /// The SVG carried by a marker's name, or nil when the marker is not a figure.
    static func svg(inMarkerName name: String) -> String? {
        name.hasPrefix(namePrefix) ? String(name.dropFirst(namePrefix.count)) : nil
    }

    /// The runtime's display of a figure: the description as the cell's printed value, then the
    /// marker. More specific than the generic `__show`, so the compiler picks it for a `Figure`.
    static let runtime = """

        /// A cell's final figure: its description, then the figure itself for the runner.
        func __show(_ value: Plot.Figure) {
            Swift.print(value)
            __swiftbookMark(\(swiftStringLiteral(namePrefix)) + value.svg)
        }

        """
}
