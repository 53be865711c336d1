import Foundation

/// Saving and loading a module's parameters by name, in the safetensors format: an 8-byte
/// little-endian header length, a JSON header `{"0.weight": {"dtype": "F32", "shape": [256, 20],
/// "data_offsets": [0, 20480]}, ...}`, then the little-endian float32 data. PyTorch reads such a
/// file with `safetensors.torch.load_file`.
extension Module {
    /// Writes every parameter of the tree under its dotted name to `url` (atomically).
    public func save(to url: URL) throws {
        var header: [String: Any] = [:]
        var data = Data()
        for (name, parameter) in namedParameters() {
            let start = data.count
            for scalar in parameter.value.scalars {
                withUnsafeBytes(of: scalar.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            }
            header[name] = ["dtype": "F32", "shape": parameter.shape, "data_offsets": [start, data.count]]
        }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        json.append(contentsOf: [UInt8](repeating: 0x20, count: (8 - json.count % 8) % 8))
        var file = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { file.append(contentsOf: $0) }
        file.append(json)
        file.append(data)
        do {
            try file.write(to: url, options: .atomic)
        } catch {
            throw ParameterFileError(url: url, "cannot write the file (\(error.localizedDescription))")
        }
    }

    /// Reads the parameters saved by `save(to:)` into this module's parameters, by name. Every
    /// parameter must be in the file with the same shape, and the file must hold no others;
    /// otherwise nothing is changed and the error names the problem.
    public func load(from url: URL) throws {
        let file: Data
        do { file = try Data(contentsOf: url) } catch {
            throw ParameterFileError(url: url, "cannot read the file (\(error.localizedDescription))")
        }
        let entries = try Self.readHeader(file, url: url)
        let named = namedParameters()
        var values: [(Parameter, Tensor)] = []
        for (name, parameter) in named {
            guard let entry = entries[name] else {
                throw ParameterFileError(url: url, "has no parameter '\(name)' (it has: \(entries.keys.sorted().joined(separator: ", ")))")
            }
            guard entry.shape == parameter.shape else {
                throw ParameterFileError(url: url, "parameter '\(name)' has shape \(entry.shape) in the file but \(parameter.shape) in the module")
            }
            values.append((parameter, Tensor(shape: entry.shape, scalars: entry.scalars)))
        }
        let unexpected = Set(entries.keys).subtracting(named.map(\.name))
        guard unexpected.isEmpty else {
            throw ParameterFileError(url: url, "has parameters the module does not: \(unexpected.sorted().joined(separator: ", "))")
        }
        for (parameter, value) in values { parameter.value = value }
    }

    /// The tensors of a safetensors file by name.
    private static func readHeader(_ file: Data, url: URL) throws -> [String: (shape: [Int], scalars: [Float])] {
        let bytes = [UInt8](file)
        guard bytes.count >= 8 else { throw ParameterFileError(url: url, "is not a parameter file (too short)") }
        let headerLength = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[$1]) << (8 * UInt64($1)) }
        guard headerLength <= UInt64(bytes.count - 8),
              let header = try? JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + Int(headerLength))])) as? [String: Any] else {
            throw ParameterFileError(url: url, "is not a parameter file (no safetensors header)")
        }
        let dataStart = 8 + Int(headerLength)
        var entries: [String: (shape: [Int], scalars: [Float])] = [:]
        for (name, value) in header where name != "__metadata__" {
            guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
                  let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2 else {
                throw ParameterFileError(url: url, "has a malformed entry for '\(name)'")
            }
            guard dtype == "F32" else { throw ParameterFileError(url: url, "parameter '\(name)' is \(dtype); only F32 is supported") }
            let count = shape.reduce(1, *)
            let (start, end) = (dataStart + offsets[0], dataStart + offsets[1])
            guard offsets[0] >= 0, end - start == 4 * count, end <= bytes.count else {
                throw ParameterFileError(url: url, "parameter '\(name)' has data offsets that do not fit its shape \(shape)")
            }
            let scalars = (0..<count).map { i in
                let at = start + 4 * i
                let bits = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
                return Float(bitPattern: bits)
            }
            entries[name] = (shape, scalars)
        }
        return entries
    }
}

/// A parameter file that cannot be written, read, or matched to the module.
public struct ParameterFileError: Error, CustomStringConvertible {
    /// The file's path.
    public let path: String
    /// What is wrong with it.
    public let message: String

    init(url: URL, _ message: String) {
        self.path = url.path
        self.message = message
    }

    /// `path: error: message`.
    public var description: String { "\(path): error: \(message)" }
}
