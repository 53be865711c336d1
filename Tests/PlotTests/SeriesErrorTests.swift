import XCTest
@testable import Plot

/// Data a figure cannot draw is refused with a message that names the series. (The figure's
/// methods stop the cell with these messages; a chapter test shows one as a cell's failure.)
final class SeriesErrorTests: XCTestCase {
    func testMismatchedLengthsNameTheSeries() {
        XCTAssertEqual(Series.problem(.line, "loss", x: [1, 2, 3], y: [1, 2]),
                       #"line "loss" has 3 x values but 2 y values; they must pair up"#)
    }

    func testEmptySeries() {
        XCTAssertEqual(Series.problem(.scatter, "samples", x: [], y: []), #"scatter "samples" is empty: it needs at least one point"#)
        XCTAssertEqual(Series.histogramProblem("w", values: [], bins: 10), #"histogram "w" is empty: it needs at least one value"#)
        XCTAssertEqual(Series.histogramProblem("w", values: [1], bins: 0), #"histogram "w": bins must be at least 1, not 0"#)
    }

    func testNonFiniteValuesSayWhere() {
        XCTAssertEqual(Series.problem(.line, "loss", x: [1, 2], y: [0.5, .nan]),
                       #"line "loss" has a non-finite y value at index 1 (nan); a figure can only draw finite numbers"#)
        XCTAssertEqual(Series.problem(.line, "loss", x: [.infinity], y: [1]),
                       #"line "loss" has a non-finite x value at index 0 (inf); a figure can only draw finite numbers"#)
        XCTAssertEqual(Series.histogramProblem("w", values: [1, -.infinity], bins: 3),
                       #"histogram "w" has a non-finite value at index 1 (-inf); a figure can only draw finite numbers"#)
        XCTAssertNil(Series.problem(.line, "ok", x: [1], y: [2]))
    }
}
