import Foundation
import Testing
@testable import NN

struct SerializationTests {
    func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-\(UUID().uuidString).safetensors")
    }

    @Test func savedParametersLoadIntoAFreshNetwork() throws {
        let file = temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let net = Sequential(Linear(3, 4), ReLU(), Linear(4, 2))
        try net.save(to: file)
        let copy = Sequential(Linear(3, 4), ReLU(), Linear(4, 2))
        try copy.load(from: file)
        let x = Tensor.rand(2, 3)
        #expect(copy(x).scalars == net(x).scalars)
        #expect(copy.parameters().allSatisfy { $0.value.requiresGrad && $0.value.isLeaf })
        // The file is safetensors: a little-endian header length, then a JSON header.
        let bytes = try Data(contentsOf: file)
        let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8
        let header = String(decoding: bytes[8..<(8 + headerLength)], as: UTF8.self)
        #expect(header.contains("\"0.weight\":{\"data_offsets\":[0,48],\"dtype\":\"F32\",\"shape\":[4,3]}"))
    }

    @Test func aMissingParameterIsNamed() throws {
        let file = temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        try Sequential(Linear(3, 4)).save(to: file)
        let error = #expect(throws: ParameterFileError.self) {
            try Sequential(Linear(3, 4), Linear(4, 1)).load(from: file)
        }
        #expect(error?.description.contains("has no parameter '1.weight'") == true)
        #expect(error?.description.hasPrefix(file.path) == true)
    }

    @Test func aShapeMismatchNamesBothShapesAndChangesNothing() throws {
        let file = temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        try Sequential(Linear(3, 4), Linear(4, 2)).save(to: file)
        let other = Sequential(Linear(3, 4), Linear(4, 5))
        let before = other.parameters().map(\.value.scalars)
        let error = #expect(throws: ParameterFileError.self) { try other.load(from: file) }
        #expect(error?.message == "parameter '1.weight' has shape [2, 4] in the file but [5, 4] in the module")
        #expect(other.parameters().map(\.value.scalars) == before)
    }

    @Test func unexpectedParametersAndBadFilesAreErrors() throws {
        let file = temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        try Sequential(Linear(3, 4), Linear(4, 2)).save(to: file)
        let error = #expect(throws: ParameterFileError.self) { try Sequential(Linear(3, 4)).load(from: file) }
        #expect(error?.message == "has parameters the module does not: 1.bias, 1.weight")
        try Data("not a parameter file".utf8).write(to: file)
        #expect(throws: ParameterFileError.self) { try Sequential(Linear(3, 4)).load(from: file) }
    }
}
