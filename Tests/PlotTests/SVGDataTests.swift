import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import Autograd
@testable import Plot

/// The SVG is XML whose series give back exactly what was plotted, and the same figure is the
/// same bytes every time.
final class SVGDataTests: XCTestCase {
    func testSeriesAreRecoveredFromTheParsedSVG() throws {
        let figure = Figure(title: "Training loss", xLabel: "step", yLabel: "loss")
        figure.line(x: [1, 2, 3], y: [0.5 as Float, 0.25, 0.125], label: "train")
        figure.scatter(x: [1.5, 2.5], y: [0.4, 0.3], label: "val <&>")
        figure.histogram(Tensor([0, 1, 1, 2, 2, 2, 3]), bins: 3, label: "weights")
        let parsed = try ParsedSVG(figure.svg)
        XCTAssertEqual(parsed.root["data-title"], "Training loss")
        XCTAssertEqual(parsed.root["data-x-label"], "step")
        XCTAssertEqual(parsed.root["data-y-scale"], "linear")
        XCTAssertEqual(parsed.series.map { $0["data-kind"] }, ["line", "scatter", "histogram"])
        XCTAssertEqual(parsed.series.map { $0["data-label"] }, ["train", "val <&>", "weights"])
        XCTAssertEqual(parsed.series[0]["data-x"], "1.0 2.0 3.0")
        // Floats are written in Float's shortest form, Doubles in Double's.
        XCTAssertEqual(parsed.series[0]["data-y"], "0.5 0.25 0.125")
        XCTAssertEqual(parsed.series[1]["data-x"], "1.5 2.5")
        XCTAssertEqual(parsed.series[1]["data-y"], "0.4 0.3")
        // Three bins over [0, 3]: edges 0, 1, 2, 3; the last bin holds its right edge.
        XCTAssertEqual(parsed.series[2]["data-x"], "0.0 1.0 2.0 3.0")
        XCTAssertEqual(parsed.series[2]["data-y"], "1 2 4")
        XCTAssertEqual(parsed.elementCounts["polyline"], 1)
        XCTAssertEqual(parsed.elementCounts["circle"], 2 + 1, "two points and one legend mark")
        XCTAssertEqual(parsed.texts.filter { $0 == "Training loss" }.count, 2, "the <title> and the visible title")
        XCTAssertTrue(parsed.texts.contains("val <&>"), "the legend names every series")
    }

    func testFloatValuesReadBackAsTheSameFloats() throws {
        let values: [Float] = [0.1, -3.3333333, 1e-7, 12345.678]
        let figure = Figure(title: "t")
        figure.line(y: values, label: "v")
        let written = try XCTUnwrap(try ParsedSVG(figure.svg).series.first?["data-y"])
        XCTAssertEqual(written.split(separator: " ").map { Float(String($0)) }, values.map { Optional($0) })
    }

    func testTheSameFigureIsTheSameBytes() {
        func make() -> String {
            let figure = Figure(title: "Weights", xLabel: "value", yLabel: "count", yScale: .log)
            figure.histogram((0..<500).map { sin(Double($0)) }, bins: 20, label: "sin")
            figure.line(x: [-1, 1], y: [1, 100], label: "line")
            return figure.svg
        }
        let first = make()
        XCTAssertEqual(first, make())
        XCTAssertFalse(first.contains("id="), "no generated ids")
        // Every coordinate has at most two decimals.
        let coordinate = try! NSRegularExpression(pattern: "(?:x|y|x1|x2|y1|y2|width|height|cx|cy)=\"-?[0-9]+(\\.[0-9]+)?\"")
        let range = NSRange(first.startIndex..., in: first)
        for match in coordinate.matches(in: first, range: range) {
            let decimals = match.range(at: 1)
            if decimals.location != NSNotFound { XCTAssertLessThanOrEqual(decimals.length, 3) }
        }
    }

    func testControlCharactersInLabelsKeepTheSVGWellFormed() throws {
        let figure = Figure(title: "a\u{1E}b\u{1B}c")
        figure.line(y: [1, 2], label: "x\ny")
        XCTAssertFalse(figure.svg.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        XCTAssertEqual(try ParsedSVG(figure.svg).root["data-title"], "a\u{FFFD}b\u{FFFD}c")
    }

    func testDescriptionNamesTheSeries() {
        let figure = Figure(title: "Training loss", xLabel: "step", yLabel: "loss")
        figure.line(x: [1, 2, 3, 4, 5], y: [5, 4, 3, 2, 1], label: "loss")
        figure.histogram([1, 2, 3], bins: 2, label: "w")
        XCTAssertEqual(figure.description, #"Figure "Training loss": line "loss" (5 points), histogram "w" (3 values, 2 bins)"#)
    }
}

/// An SVG read with Foundation's XML parser: the root's attributes, each series group's
/// attributes, how many of each element, and the text of every element.
struct ParsedSVG {
    var root: [String: String] = [:]
    var series: [[String: String]] = []
    var elementCounts: [String: Int] = [:]
    var texts: [String] = []

    init(_ svg: String) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        root = delegate.root ?? [:]
        series = delegate.series
        elementCounts = delegate.counts
        texts = delegate.texts
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var root: [String: String]?
        var series: [[String: String]] = []
        var counts: [String: Int] = [:]
        var texts: [String] = []
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if root == nil { root = attributes }
            if name == "g", attributes["class"] == "series" { series.append(attributes) }
            counts[name, default: 0] += 1
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if !text.isEmpty { texts.append(text) }
            text = ""
        }
    }
}
