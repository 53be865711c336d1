import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a figure shows, read back from its SVG (see `Plot.Figure.svg`): title, axis labels and
/// scales, and each series' kind, label and numbers, kept as written so that `check` can compare
/// them as it compares outputs (numbers within the tolerance, whole numbers and text exactly).
struct FigureData: Equatable, Sendable {
    struct Series: Equatable, Sendable {
        var kind: String
        var label: String
        /// The numbers as the SVG writes them (`0.25`, `12`).
        var x: [String]
        var y: [String]
    }

    var title: String
    var xLabel: String
    var yLabel: String
    var xScale: String
    var yScale: String
    var series: [Series]

    /// The data of an SVG written by `Plot.Figure`, or nil when the text is not such an SVG.
    init?(svg: String) {
        let reader = Reader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        guard parser.parse(), let root = reader.root else { return nil }
        title = root["data-title"] ?? ""
        xLabel = root["data-x-label"] ?? ""
        yLabel = root["data-y-label"] ?? ""
        xScale = root["data-x-scale"] ?? "linear"
        yScale = root["data-y-scale"] ?? "linear"
        series = reader.series.map { attributes in
            let numbers = { (name: String) in (attributes[name] ?? "").split(separator: " ").map(String.init) }
            return Series(kind: attributes["data-kind"] ?? "", label: attributes["data-label"] ?? "",
                          x: numbers("data-x"), y: numbers("data-y"))
        }
    }

    /// The data as lines of text, one idea a line, for `compareOutputs` and its diff:
    ///
    ///     figure "Training loss"
    ///     x axis "step" (linear), y axis "loss" (linear)
    ///     line "loss"
    ///       x: 1 2 3 4 5
    ///       y: 0.93 0.51 0.33 0.24 0.2
    var comparableText: String {
        var text = "figure \(quoted(title))\n"
        text += "x axis \(quoted(xLabel)) (\(xScale)), y axis \(quoted(yLabel)) (\(yScale))\n"
        for series in series {
            text += "\(series.kind) \(quoted(series.label))\n"
            text += "  \(series.kind == "histogram" ? "edges" : "x"): \(series.x.joined(separator: " "))\n"
            text += "  \(series.kind == "histogram" ? "counts" : "y"): \(series.y.joined(separator: " "))\n"
        }
        return text
    }

    private func quoted(_ text: String) -> String { "\"\(text)\"" }

    /// Collects the root element's attributes and those of every `<g class="series">`.
    private final class Reader: NSObject, XMLParserDelegate {
        var root: [String: String]?
        var series: [[String: String]] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            if root == nil {
                guard elementName == "svg" else { parser.abortParsing(); return }
                root = attributes
            } else if elementName == "g", attributes["class"] == "series" {
                series.append(attributes)
            }
        }
    }
}
