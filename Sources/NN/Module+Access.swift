/// Reaching into a module tree: a sub-module or a parameter by its dotted name, and visiting
/// every module.
extension Module {
    /// The module at the dotted `path` below this one, such as `"net.0"` (PyTorch's
    /// `get_submodule`); `""` is this module. Stops with a message naming the children there are
    /// when a step of the path is not a child.
    public func submodule(_ path: String) -> Module {
        var module: Module = self
        var walked: [String] = []
        for name in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) where !path.isEmpty {
            let children = module.directMembers().children
            guard let child = children.first(where: { $0.name == name }) else {
                let place = walked.isEmpty ? "\(typeName)" : "'\(walked.joined(separator: "."))' (\(module.typeName))"
                let names = children.map(\.name)
                fatalError("submodule(\"\(path)\"): \(place) has no child '\(name)'; its children are: \(names.isEmpty ? "none" : names.joined(separator: ", "))")
            }
            module = child.module
            walked.append(name)
        }
        return module
    }

    /// The module at the dotted `path` as a `type`: `net.submodule("0", as: Linear.self).weight`.
    /// Stops with a message when it is of another type.
    public func submodule<Child: Module>(_ path: String, as type: Child.Type) -> Child {
        let module = submodule(path)
        guard let child = module as? Child else {
            fatalError("submodule(\"\(path)\"): the module there is a \(Swift.type(of: module)), not a \(Child.self)")
        }
        return child
    }

    /// The parameter with the dotted name `name`, such as `"0.weight"` or `"net.2.bias"`, the
    /// names `namedParameters()` and `stateDict()` use (PyTorch's `get_parameter`). A tied
    /// parameter is found under every name that leads to it. Stops with a message naming the
    /// module's parameters when there is none by that name.
    public func parameter(_ name: String) -> Parameter {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let owner = submodule(parts.dropLast().joined(separator: "."))
        let parameters = owner.directMembers().parameters
        guard let found = parameters.first(where: { $0.name == parts.last! }) else {
            let names = parameters.map(\.name)
            fatalError("parameter(\"\(name)\"): \(owner.typeName) has no parameter '\(parts.last!)'; its parameters are: \(names.isEmpty ? "none" : names.joined(separator: ", "))")
        }
        found.parameter.requireMaterialized()
        return found.parameter
    }

    /// Calls `body` on every module of the tree, each once, children before their parent and
    /// this module last (PyTorch's `net.apply(fn)`, which initialisers are usually applied
    /// through), and returns this module.
    ///
    /// ```swift
    /// net.apply { module in
    ///     if let linear = module as? Linear { linear.$weight.initialize(.normal(std: 0.01)) }
    /// }
    /// ```
    @discardableResult
    public func apply(_ body: (Module) -> Void) -> Self {
        var seen = Set<ObjectIdentifier>()
        func visit(_ module: Module) {
            guard seen.insert(ObjectIdentifier(module)).inserted else { return }
            for child in module.directMembers().children { visit(child.module) }
            body(module)
        }
        visit(self)
        return self
    }

    /// Calls `body` on every module of the tree that is a `type`, in `apply`'s order:
    /// `net.apply(to: Linear.self) { $0.$weight.initialize(.xavierUniform()) }`.
    @discardableResult
    public func apply<Visited: Module>(to type: Visited.Type, _ body: (Visited) -> Void) -> Self {
        apply { module in
            if let visited = module as? Visited { body(visited) }
        }
    }
}
