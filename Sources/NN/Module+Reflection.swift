/// Finding a module's children and parameters by reflection.
///
/// PyTorch notices sub-modules when they are assigned to `self`; Swift has no such hook, so a
/// module looks at its own stored properties with `Mirror`, superclass properties first, each
/// class's in declaration order. What it finds:
///
/// | property holds            | found as                                         |
/// | ---                       | ---                                              |
/// | a `Module`                | a child named after the property                 |
/// | `[Module]` (any array)    | children `name.0`, `name.1`, ...                 |
/// | an optional that is set   | what its value would be found as                 |
/// | a `Parameter` (`@Parameter var weight`, stored as `_weight`) | a parameter named `weight` |
/// | anything else (`Tensor`, dictionaries, closures) | nothing: a constant or private state |
///
/// Children added with `register(_:as:)` follow the properties' children.
extension Module {
    /// The direct sub-modules in order, with their names, each once (PyTorch's `named_children`).
    public var namedChildren: [(name: String, module: Module)] {
        var seen = Set<ObjectIdentifier>()
        return directMembers().children.filter { seen.insert(ObjectIdentifier($0.module)).inserted }
    }

    /// The direct sub-modules, in declaration order, each once.
    public var children: [Module] { namedChildren.map(\.module) }

    /// This module and every module below it, depth first, each once; this module is named `""`
    /// and the others by dotted paths such as `net.0` (PyTorch's `named_modules`).
    public func namedModules() -> [(name: String, module: Module)] {
        var result: [(name: String, module: Module)] = []
        walk { name, module, _ in result.append((name, module)) }
        return result
    }

    /// Visits this module and every module below it, depth first, each once, with its dotted
    /// name and its own parameters. Reflection is the expensive part of looking at a module, so
    /// each module is reflected once per walk.
    func walk(_ visit: (String, Module, [(name: String, parameter: Parameter)]) -> Void) {
        var seen = Set<ObjectIdentifier>()
        func visitTree(_ module: Module, _ name: String) {
            guard seen.insert(ObjectIdentifier(module)).inserted else { return }
            let members = module.directMembers()
            visit(name, module, members.parameters)
            for child in members.children {
                visitTree(child.module, name.isEmpty ? child.name : "\(name).\(child.name)")
            }
        }
        visitTree(self, "")
    }

    /// This module and every module below it, each once.
    public func modules() -> [Module] { namedModules().map(\.module) }

    /// Every trainable parameter of the tree with its dotted name (`0.weight`, `hidden.bias`),
    /// in declaration order; a parameter shared by several modules is listed once, under the
    /// first name it is found by (PyTorch's `named_parameters`).
    ///
    /// A lazily sized layer that has not seen an input yet has no parameters to list: asking
    /// stops with a message saying so.
    public func namedParameters() -> [(name: String, parameter: Parameter)] {
        var seen = Set<ObjectIdentifier>()
        var result: [(name: String, parameter: Parameter)] = []
        walk { prefix, _, parameters in
            for (name, parameter) in parameters where seen.insert(ObjectIdentifier(parameter)).inserted {
                parameter.requireMaterialized()
                result.append((prefix.isEmpty ? name : "\(prefix).\(name)", parameter))
            }
        }
        return result
    }

    /// Every trainable parameter of the tree, in the order of `namedParameters()`.
    public func parameters() -> [Parameter] { namedParameters().map(\.parameter) }

    /// Clears the gradient of every parameter (sets it to `nil`, as PyTorch's `zero_grad()` does
    /// by default), before the next `backward()` accumulates new ones.
    public func zeroGrad() {
        walk { _, _, parameters in
            for (_, parameter) in parameters { parameter.grad = nil }
        }
    }

    /// The module's own children (with repeats, as printing shows them) and own parameters.
    func directMembers() -> (children: [(name: String, module: Module)], parameters: [(name: String, parameter: Parameter)]) {
        var children: [(name: String, module: Module)] = []
        var parameters: [(name: String, parameter: Parameter)] = []
        func collect(_ value: Any, named name: String) {
            if let module = value as? Module {
                children.append((name, module))
            } else if let parameter = value as? Parameter {
                parameters.append((name, parameter))
            } else {
                let mirror = Mirror(reflecting: value)
                switch mirror.displayStyle {
                case .optional:
                    if let wrapped = mirror.children.first { collect(wrapped.value, named: name) }
                case .collection:
                    for (index, element) in mirror.children.enumerated() { collect(element.value, named: "\(name).\(index)") }
                default:
                    break
                }
            }
        }
        for mirror in classMirrors() {
            for case let (label?, value) in mirror.children {
                collect(value, named: Self.propertyName(label))
            }
        }
        children += registeredChildren
        return (children, parameters)
    }

    /// The mirrors of this object's classes below `Module`, superclass first.
    private func classMirrors() -> [Mirror] {
        var mirrors: [Mirror] = []
        var mirror: Mirror? = Mirror(reflecting: self)
        while let current = mirror, current.subjectType != Module.self {
            mirrors.append(current)
            mirror = current.superclassMirror
        }
        return mirrors.reversed()
    }

    /// A stored property's name as the user wrote it: `_weight` (a property wrapper's storage)
    /// is `weight`, `$__lazy_storage_$_layer` (a `lazy var`) is `layer`.
    private static func propertyName(_ label: String) -> String {
        let lazyPrefix = "$__lazy_storage_$_"
        if label.hasPrefix(lazyPrefix) { return String(label.dropFirst(lazyPrefix.count)) }
        if label.hasPrefix("_") { return String(label.dropFirst()) }
        return label
    }
}
