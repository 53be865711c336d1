import Foundation
import Testing
@testable import Autograd

/// Tensors print byte for byte as PyTorch prints them. The golden cases in
/// Fixtures/printing/cases.json come from real PyTorch (see generate.py beside them).
struct PrintingTests {
    /// One tensor and the text `repr(tensor)` gave in PyTorch.
    struct Case: Decodable {
        let name: String
        let shape: [Int]
        let requiresGrad: Bool
        let gradFn: String?
        /// Float32 bit patterns in hexadecimal, separated by spaces (exact, -0.0 and nan included).
        let bits: String
        let expected: String

        enum CodingKeys: String, CodingKey {
            case name, shape, bits, expected
            case requiresGrad = "requires_grad"
            case gradFn = "grad_fn"
        }

        var scalars: [Float] { bits.split(separator: " ").map { Float(bitPattern: UInt32($0, radix: 16)!) } }

        /// A tensor with this case's values and place in the graph: a recorded result
        /// (with a backward function, so not a leaf) when PyTorch's had a grad_fn.
        var tensor: Tensor {
            let backward: ((Tensor) -> [Tensor?])? = gradFn == nil ? nil : { _ in [] }
            return Tensor(node: TensorNode(shape: shape, requiresGrad: requiresGrad,
                                           gradFn: gradFn, backward: backward), storage: scalars)
        }
    }

    struct Fixture: Decodable {
        let torch: String
        let cases: [Case]
    }

    static func fixture() throws -> Fixture {
        let url = try #require(Bundle.module.url(forResource: "cases", withExtension: "json", subdirectory: "Fixtures/printing"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    @Test func everyGoldenCasePrintsExactlyAsPyTorch() throws {
        let fixture = try Self.fixture()
        // generate.py writes about 500 cases; far fewer means the fixture was cut short.
        #expect(fixture.cases.count >= 500)
        var mismatches: [String] = []
        for golden in fixture.cases {
            let tensor = golden.tensor
            #expect(tensor.count == golden.shape.reduce(1, *), "\(golden.name): bits do not fill shape \(golden.shape)")
            let actual = tensor.description
            if actual != golden.expected {
                mismatches.append("\(golden.name):\nPyTorch \(fixture.torch):\n\(golden.expected)\nswiftbook:\n\(actual)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(fixture.cases.count) cases differ:\n\(mismatches.prefix(5).joined(separator: "\n\n"))")
    }

    @Test func integralValuesPrintWithATrailingPoint() {
        #expect(Tensor([-2, -1, 0, 1, 2]).description == "tensor([-2., -1.,  0.,  1.,  2.])")
        #expect(Tensor([[1, 2], [3, 4]]).description == """
            tensor([[1., 2.],
                    [3., 4.]])
            """)
    }

    @Test func fixedValuesUseFourDecimalsAndLineUp() {
        #expect(Tensor([[0.5, -1.25], [10, 3]]).description == """
            tensor([[ 0.5000, -1.2500],
                    [10.0000,  3.0000]])
            """)
        // 9.99996 rounds up at the fourth decimal and widens the column for every element;
        // 0.99995 as a float32 is 0.99994999..., so it rounds down.
        #expect(Tensor([9.99996, 1.5]).description == "tensor([10.0000,  1.5000])")
        #expect(Tensor([0.99995, 1.5]).description == "tensor([0.9999, 1.5000])")
    }

    @Test func zeroDimensionalTensorsPrintTheirValue() {
        #expect(Tensor(3.5).description == "tensor(3.5000)")
        #expect(Tensor(7).description == "tensor(7.)")
    }

    @Test func negativeZeroKeepsItsSign() {
        // -0.0 counts as zero when PyTorch fits the column width, so it may stick out.
        #expect(Tensor([-0.0, 1]).description == "tensor([-0., 1.])")
        #expect(Tensor([-0.0, 1.5]).description == "tensor([-0.0000, 1.5000])")
    }

    @Test func nanAndInfinityAreSpelledAsPython() {
        #expect(Tensor([.nan, .infinity, -.infinity, 2]).description == "tensor([nan, inf, -inf, 2.])")
    }

    @Test func emptyTensorsShowTheirShapeUnlessOneDimensional() {
        #expect(Tensor(shape: [0], scalars: []).description == "tensor([])")
        #expect(Tensor(shape: [0, 3], scalars: []).description == "tensor([], size=(0, 3))")
    }

    @Test func threeDimensionalTensorsSeparateMatricesWithABlankLine() {
        #expect(Tensor.arange(8).reshaped(2, 2, 2).description == """
            tensor([[[0., 1.],
                     [2., 3.]],

                    [[4., 5.],
                     [6., 7.]]])
            """)
    }

    @Test func leavesThatRequireGradAndResultsSaySo() {
        let v = Tensor([1, 2, 3], requiresGrad: true)
        #expect(v.description == "tensor([1., 2., 3.], requires_grad=True)")
        #expect((v * v).sum().description == "tensor(14., grad_fn=<SumBackward0>)")
        #expect((v + 1).description == "tensor([2., 3., 4.], grad_fn=<AddBackward0>)")
        #expect(v.detached().description == "tensor([1., 2., 3.])")
        #expect(noGrad { v + 1 }.description == "tensor([2., 3., 4.])")
    }

    @Test func aSuffixThatWouldPassEightyColumnsGoesOnItsOwnLine() {
        let v = Tensor.arange(12).requiringGrad() * 1.5
        #expect(v.description == """
            tensor([ 0.0000,  1.5000,  3.0000,  4.5000,  6.0000,  7.5000,  9.0000, 10.5000,
                    12.0000, 13.5000, 15.0000, 16.5000], grad_fn=<MulBackward0>)
            """)
        // The last line "        12.0000, ..., 19.5000]" leaves too little room (PyTorch counts
        // its length plus two) for ", grad_fn=<MulBackward0>" within 80 columns.
        let w = Tensor.arange(14).requiringGrad() * 1.5
        #expect(w.description == """
            tensor([ 0.0000,  1.5000,  3.0000,  4.5000,  6.0000,  7.5000,  9.0000, 10.5000,
                    12.0000, 13.5000, 15.0000, 16.5000, 18.0000, 19.5000],
                   grad_fn=<MulBackward0>)
            """)
    }

    @Test func smallAndLargeMagnitudesSwitchToScientificNotation() {
        #expect(Tensor([1e-5, 1]).description == "tensor([1.0000e-05, 1.0000e+00])")
        #expect(Tensor([1e9, 1]).description == "tensor([1.0000e+09, 1.0000e+00])")
    }

    @Test func largeTensorsAreSummarised() {
        // Summarised values still choose the style: 1999 / 1 > 1000, so scientific (PyTorch 2.13).
        #expect(Tensor.arange(2000).description == """
            tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,
                    1.9990e+03])
            """)
        #expect((Tensor.arange(2000) + 1000).description == """
            tensor([1000., 1001., 1002.,  ..., 2997., 2998., 2999.])
            """)
    }
}
