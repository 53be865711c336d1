import Testing
@testable import Literate

@Suite struct CompareOutputsTests {
    let standard = Tolerance.standard

    @Test func identicalOutputsMatch() {
        let text = "tensor([[ 0.1234, -1.5000],\n        [ 2.0000,  3.0000]], grad_fn=<AddBackward0>)\n"
        #expect(compareOutputs(recorded: text, actual: text, tolerance: standard) == nil)
    }

    @Test func numbersWithinToleranceMatch() {
        #expect(compareOutputs(recorded: "loss 0.123456\n", actual: "loss 0.123460\n", tolerance: standard) == nil)
        #expect(compareOutputs(recorded: "1.0000e-05", actual: "1.0000005e-05", tolerance: standard) == nil)
        #expect(compareOutputs(recorded: "tensor([2., nan, inf, -inf])", actual: "tensor([2.00001, nan, inf, -inf])",
                                tolerance: standard) == nil)
    }

    @Test func numbersBeyondToleranceAreDriftAtTheirLine() throws {
        let mismatch = try #require(compareOutputs(recorded: "a\nloss 0.1234\n", actual: "a\nloss 0.1240\n", tolerance: standard))
        #expect(mismatch.kind == .numericDrift)
        #expect(mismatch.line == 2)
        #expect(mismatch.recorded == "0.1234")
        #expect(mismatch.actual == "0.1240")
        #expect("\(mismatch)".hasPrefix("numbers drifted beyond tolerance at output line 2: '0.1234' became '0.1240'"))
        // A wider tolerance accepts the same drift.
        #expect(compareOutputs(recorded: "loss 0.1234", actual: "loss 0.1240",
                               tolerance: Tolerance(relative: 1e-2, absolute: 0)) == nil)
    }

    @Test func toleranceIsAbsolutePlusRelativeToTheNewValue() {
        let tolerance = Tolerance(relative: 0.1, absolute: 0.5)
        #expect(tolerance.accepts(recorded: 11.5, actual: 10))   // 1.5 <= 0.5 + 1.0
        #expect(!tolerance.accepts(recorded: 11.6, actual: 10))
        #expect(!tolerance.accepts(recorded: .nan, actual: 1))
        #expect(!tolerance.accepts(recorded: .infinity, actual: -.infinity))
    }

    @Test func integersCompareExactlyAndAChangedOneIsANumberChangeNotAShapeChange() throws {
        let mismatch = try #require(compareOutputs(recorded: "torch.Size([2, 10])", actual: "torch.Size([2, 11])",
                                                   tolerance: Tolerance(relative: 1, absolute: 1)))
        #expect(mismatch.kind == .changedNumber)
        #expect(mismatch.description == "a whole number changed at output line 1: '10' became '11'")
        #expect(mismatch.recorded == "10")
        #expect(mismatch.actual == "11")
    }

    @Test func moreLinesOrMoreNumbersChangeTheShape() throws {
        let extraLine = try #require(compareOutputs(recorded: "a\nb", actual: "a\nb\nc", tolerance: standard))
        #expect(extraLine.kind == .changedShape)
        #expect(extraLine.line == 3)
        let extraNumber = try #require(compareOutputs(recorded: "tensor([1., 2.])", actual: "tensor([1., 2., 3.])",
                                                      tolerance: standard))
        #expect(extraNumber.kind == .changedShape)
        #expect(extraNumber.line == 1)
    }

    @Test func textComparesExactlyButPaddingBeforeNumbersDoesNot() throws {
        let changed = try #require(compareOutputs(recorded: "Linear(in_features=2)", actual: "Linear(in_feature=2)",
                                                  tolerance: standard))
        #expect(changed.kind == .changedText)
        let spacing = try #require(compareOutputs(recorded: "a b", actual: "a  b", tolerance: standard))
        #expect(spacing.kind == .changedText)
        // A value that crosses zero moves PyTorch's column padding: not a change.
        #expect(compareOutputs(recorded: "tensor([ 1.0000e-07,  2.0000])", actual: "tensor([-1.0000e-07,  2.0000])",
                               tolerance: standard) == nil)
    }

    @Test func trailingSpacesLineEndingsAndFinalBlankLinesAreIgnored() {
        #expect(compareOutputs(recorded: "a  \nb\n", actual: "a\r\nb\n\n\n", tolerance: standard) == nil)
    }

    @Test func digitsInsideWordsAreText() throws {
        let mismatch = try #require(compareOutputs(recorded: "layer2 3x3", actual: "layer3 3x3", tolerance: Tolerance(relative: 1, absolute: 1)))
        #expect(mismatch.kind == .changedText)
        #expect(mismatch.recorded == "layer2 3x3")
    }

    @Test func theMostSeriousDifferenceIsReported() throws {
        let mismatch = try #require(compareOutputs(recorded: "loss 0.5\nname a\n", actual: "loss 0.9\nname b\n", tolerance: standard))
        #expect(mismatch.kind == .changedText)
        #expect(mismatch.line == 2)
    }

    @Test func aMissingOrVanishedOutputIsNamedSo() throws {
        #expect(compareOutputs(recorded: "", actual: "hello\n", tolerance: standard)?.kind == .missingOutput)
        #expect(compareOutputs(recorded: "hello\n", actual: "", tolerance: standard)?.kind == .vanishedOutput)
        #expect(compareOutputs(recorded: "", actual: "\n", tolerance: standard) == nil)
    }

    @Test func tokensSplitNumbersFromText() {
        #expect(OutputToken.tokens(of: "tensor([-2.,  0.5, 1e-3]) x1") == [
            .text("tensor(["), .number(literal: "-2.", value: -2, isExact: false), .text(","),
            .number(literal: "0.5", value: 0.5, isExact: false), .text(","),
            .number(literal: "1e-3", value: 0.001, isExact: false), .text("]) x1"),
        ])
        #expect(OutputToken.tokens(of: "5-3") == [
            .number(literal: "5", value: 5, isExact: true), .text("-"), .number(literal: "3", value: 3, isExact: true),
        ])
    }
}
