/// A module's parameters by name, in order: what `Module.stateDict()` returns and
/// `Module.loadStateDict(_:)` reads (PyTorch's `state_dict`, an ordered dictionary of name →
/// tensor).
///
/// The tensors are values: a state dict taken before training keeps the values of that moment,
/// as PyTorch's `copy.deepcopy(net.state_dict())` would (PyTorch's own state dict shares storage
/// with the parameters and moves with them).
///
/// ```swift
/// let saved = net.stateDict()
/// saved.names          // ["0.weight", "0.bias", "2.weight", "2.bias"]
/// saved["0.weight"]    // a tensor of shape [256, 20]
/// try other.loadStateDict(saved)
/// ```
public struct StateDict: Sequence, Equatable, CustomStringConvertible {
    /// The names, in the module's order.
    public private(set) var names: [String] = []
    private var tensors: [String: Tensor] = [:]

    /// An empty state dict, to fill by name.
    public init() {}

    /// The entries `(name, tensor)` in order.
    public init(_ entries: [(name: String, tensor: Tensor)]) {
        for (name, tensor) in entries { self[name] = tensor }
    }

    /// The tensor stored under `name`, or `nil`. Setting a new name appends it at the end;
    /// setting `nil` removes the entry.
    public subscript(name: String) -> Tensor? {
        get { tensors[name] }
        set {
            if let newValue {
                if tensors.updateValue(newValue, forKey: name) == nil { names.append(name) }
            } else if tensors.removeValue(forKey: name) != nil {
                names.removeAll { $0 == name }
            }
        }
    }

    /// The number of entries.
    public var count: Int { names.count }

    /// The entries `(name, tensor)` in order.
    public func makeIterator() -> some IteratorProtocol<(name: String, tensor: Tensor)> {
        names.map { (name: $0, tensor: tensors[$0]!) }.makeIterator()
    }

    /// One line per entry: its name and shape.
    public var description: String {
        names.map { "\($0): \(tensors[$0]!.shape)" }.joined(separator: "\n")
    }
}

/// A state dict that does not fit a module: which names are missing from it, which it has that
/// the module does not, and which have another shape (PyTorch's `load_state_dict` error).
public struct StateDictMismatch: Error, CustomStringConvertible, Equatable {
    /// The module's type name, as the message shows it.
    public let moduleName: String
    /// Parameters of the module that the state dict lacks.
    public let missing: [String]
    /// Entries of the state dict that name no parameter of the module.
    public let unexpected: [String]
    /// Entries whose shape differs from the parameter's.
    public let mismatchedShapes: [ShapeMismatch]

    /// One entry with the wrong shape.
    public struct ShapeMismatch: Equatable, Sendable {
        /// The parameter's dotted name.
        public let name: String
        /// The shape in the state dict.
        public let found: [Int]
        /// The parameter's shape in the module.
        public let expected: [Int]
    }

    /// PyTorch's wording: `Error(s) in loading state_dict for Sequential:` and one line per kind.
    public var description: String {
        var lines = ["Error(s) in loading state_dict for \(moduleName):"]
        let quoted = { (names: [String]) in names.map { "\"\($0)\"" }.joined(separator: ", ") }
        if !missing.isEmpty { lines.append("\tMissing key(s) in state_dict: \(quoted(missing)).") }
        if !unexpected.isEmpty { lines.append("\tUnexpected key(s) in state_dict: \(quoted(unexpected)).") }
        for entry in mismatchedShapes {
            lines.append("\tsize mismatch for \(entry.name): copying a param with shape \(entry.found) from checkpoint, the shape in current model is \(entry.expected).")
        }
        return lines.joined(separator: "\n")
    }
}

extension Module {
    /// Every parameter's current value under its dotted name, in the order of
    /// `namedParameters()`, a shared (tied) parameter under each of its names (PyTorch's
    /// `state_dict()`). The tensors are detached values.
    public func stateDict() -> StateDict {
        StateDict(namedParametersAllNames().map { (name: $0.name, tensor: $0.parameter.value.detached()) })
    }

    /// Copies the state dict's tensors into the parameters of the same names (PyTorch's
    /// `load_state_dict`), keeping each parameter object, so optimisers and tied modules see
    /// the new values. With `strict` (the default) every parameter must have an entry and every
    /// entry a parameter; shapes must always match. On any mismatch nothing is changed and the
    /// error lists every missing, unexpected and mis-shaped name.
    /// Returns the names that were missing and unexpected (empty when `strict`).
    @discardableResult
    public func loadStateDict(_ state: StateDict, strict: Bool = true) throws(StateDictMismatch)
        -> (missing: [String], unexpected: [String]) {
        let named = namedParametersAllNames()
        let known = Set(named.map(\.name))
        let missing = named.map(\.name).filter { state[$0] == nil }
        let unexpected = state.names.filter { !known.contains($0) }
        let mismatched = named.compactMap { name, parameter -> StateDictMismatch.ShapeMismatch? in
            guard let tensor = state[name], tensor.shape != parameter.shape else { return nil }
            return .init(name: name, found: tensor.shape, expected: parameter.shape)
        }
        if !mismatched.isEmpty || (strict && !(missing.isEmpty && unexpected.isEmpty)) {
            throw StateDictMismatch(moduleName: typeName, missing: strict ? missing : [],
                                    unexpected: strict ? unexpected : [], mismatchedShapes: mismatched)
        }
        for (name, parameter) in named {
            guard let tensor = state[name] else { continue }
            parameter.update { $0.copy(from: tensor) }
        }
        return (missing, unexpected)
    }

    /// Every parameter under every name that reaches it, in declaration order: a module or a
    /// parameter used in two places appears under both names, as in PyTorch's `state_dict`.
    func namedParametersAllNames() -> [(name: String, parameter: Parameter)] {
        var result: [(name: String, parameter: Parameter)] = []
        var path: Set<ObjectIdentifier> = []  // the modules being visited, against cycles
        func visit(_ module: Module, _ prefix: String) {
            guard path.insert(ObjectIdentifier(module)).inserted else { return }
            defer { path.remove(ObjectIdentifier(module)) }
            let members = module.directMembers()
            for (name, parameter) in members.parameters {
                parameter.requireMaterialized()
                result.append((prefix + name, parameter))
            }
            for child in members.children { visit(child.module, prefix + child.name + ".") }
        }
        visit(self, "")
        return result
    }
}
