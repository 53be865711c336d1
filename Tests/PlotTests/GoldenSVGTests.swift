import Foundation
import XCTest
@testable import Plot

/// The SVG of a fixed figure, byte for byte, as recorded in `Fixtures/golden.svg`: the same data
/// must give the same bytes on every machine (a chapter's figure file must not change when
/// someone else runs the book). Regenerate the fixture only for a deliberate change of the drawing.
final class GoldenSVGTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden.svg")

    static func figure() -> Figure {
        let figure = Figure(title: "Loss & accuracy", xLabel: "epoch", yLabel: "value", yScale: .log)
        figure.line(x: [1, 2, 3, 4], y: [2.5 as Float, 0.9, 0.31, 0.12], label: "train loss")
        figure.scatter(x: [1.5, 2.5, 3.5], y: [1.1, 0.5, 0.2], label: "validation")
        return figure
    }

    func testTheSVGIsTheRecordedBytes() throws {
        let recorded = try String(contentsOf: Self.fixture, encoding: .utf8)
        XCTAssertEqual(Self.figure().svg, recorded)
    }

    func testLogAxesRefuseValuesThatAreNotPositive() {
        let figure = Figure(title: "t", yScale: .log)
        figure.line(x: [1, 2], y: [1, 0], label: "loss")
        XCTAssertEqual(figure.logAxisProblem(axis: \.y),
                       #"line "loss" has the value 0.0, which a log axis cannot show; log axes need positive values"#)
        XCTAssertNil(figure.logAxisProblem(axis: \.x))
        let counts = Figure(title: "h", yScale: .log)
        counts.histogram([1, 1, 5], bins: 4, label: "w")
        XCTAssertNil(counts.logAxisProblem(axis: \.y), "empty bins are allowed on a log count axis")
    }
}
