import XCTest
@testable import Plot

/// Axis ticks are nice numbers (1, 2 or 5 times a power of ten) that cover the data.
final class TicksTests: XCTestCase {
    func testLinearTicksAreNiceNumbersCoveringTheData() {
        let ticks = Ticks.linear(minimum: 0.13, maximum: 9.3)
        XCTAssertEqual(ticks.labels, ["0", "2", "4", "6", "8", "10"])
        XCTAssertEqual(ticks.low, 0)
        XCTAssertEqual(ticks.high, 10)
    }

    func testSmallStepsShareTheirDecimals() {
        let ticks = Ticks.linear(minimum: 0.0012, maximum: 0.0049)
        XCTAssertEqual(ticks.labels, ["0.001", "0.002", "0.003", "0.004", "0.005"])
        let loss = Ticks.linear(minimum: 0.21, maximum: 0.93)
        XCTAssertEqual(loss.labels, ["0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"])
    }

    func testNegativeRangesAndASingleValue() {
        XCTAssertEqual(Ticks.linear(minimum: -0.07, maximum: 0.06).labels, ["-0.08", "-0.06", "-0.04", "-0.02", "0.00", "0.02", "0.04", "0.06"])
        let single = Ticks.linear(minimum: 5, maximum: 5)
        XCTAssertLessThan(single.low, 5)
        XCTAssertGreaterThan(single.high, 5)
    }

    func testLogTicksArePowersOfTen() {
        let ticks = Ticks.log(minimum: 0.03, maximum: 250)
        XCTAssertEqual(ticks.labels, ["0.01", "0.1", "1", "10", "100", "1000"])
        XCTAssertEqual(Ticks.log(minimum: 2e-6, maximum: 3e5).labels.first, "1e-6")
        XCTAssertEqual(Ticks.log(minimum: 2, maximum: 3).labels, ["1", "10"])
    }

    func testFixedFormattingNeedsNoLocale() {
        XCTAssertEqual(NumberText.fixed(2.5, digits: 2), "2.50")
        XCTAssertEqual(NumberText.fixed(-0.004, digits: 2), "0.00")
        XCTAssertEqual(NumberText.fixed(-1.005, digits: 1), "-1.0")
        XCTAssertEqual(NumberText.coordinate(12.5), "12.5")
        XCTAssertEqual(NumberText.coordinate(3), "3")
    }
}
