import Foundation
import Testing
@testable import Autograd

/// Tensors print byte for byte as PyTorch prints them. The golden cases in
/// Fixtures/printing/cases.json come from real PyTorch (see generate.py beside them).
struct PrintingTests {
    struct Case: Decodable {
        let name: String
        let shape: [Int]
        let bits: [String]
        let suffixes: [String]
        let expected: String

        var scalars: [Float] { bits.map { Float(bitPattern: UInt32($0, radix: 16)!) } }
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
        #expect(fixture.cases.count > 250)
        var mismatches: [String] = []
        for golden in fixture.cases {
            let actual = formatTensor(shape: golden.shape, scalars: golden.scalars, suffixes: golden.suffixes)
            if actual != golden.expected {
                mismatches.append("\(golden.name):\nPyTorch \(fixture.torch):\n\(golden.expected)\nswiftbook:\n\(actual)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(fixture.cases.count) cases differ:\n\(mismatches.prefix(5).joined(separator: "\n\n"))")
    }

    @Test func integralValuesPrintWithATrailingPoint() {
        #expect(Tensor([-2, -1, 0, 1, 2]).description == "tensor([-2., -1.,  0.,  1.,  2.])")
    }

    @Test func fixedValuesUseFourDecimalsAndLineUp() {
        #expect(Tensor([[0.5, -1.25], [10, 3]]).description == """
            tensor([[ 0.5000, -1.2500],
                    [10.0000,  3.0000]])
            """)
    }

    @Test func zeroDimensionalTensorsPrintTheirValue() {
        #expect(Tensor(3.5).description == "tensor(3.5000)")
        #expect(Tensor(7).description == "tensor(7.)")
    }

    @Test func leavesThatRequireGradAndResultsSaySo() {
        let v = Tensor([1, 2, 3], requiresGrad: true)
        #expect(v.description == "tensor([1., 2., 3.], requires_grad=True)")
        #expect((v * v).sum().description == "tensor(14., grad_fn=<SumBackward0>)")
        #expect((v + 1).description == "tensor([2., 3., 4.], grad_fn=<AddBackward0>)")
        #expect(v.detached().description == "tensor([1., 2., 3.])")
    }

    @Test func smallAndLargeMagnitudesSwitchToScientificNotation() {
        #expect(Tensor([1e-5, 1]).description == "tensor([1.0000e-05, 1.0000e+00])")
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
