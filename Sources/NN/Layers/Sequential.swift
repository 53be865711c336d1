/// A chain of modules: the input goes through each in turn, and each one's output is the next
/// one's input. The children are named `0`, `1`, `2`, ... as in PyTorch.
///
/// ```swift
/// let net = Sequential(Linear(20, 256), ReLU(), Linear(256, 10))
/// let same = Sequential {
///     Linear(20, 256)
///     ReLU()
///     Linear(256, 10)
/// }
/// ```
public final class Sequential: Module {
    /// A chain of `modules`, in order (none makes an empty chain to `append` to).
    public init(_ modules: Module...) {
        super.init()
        modules.forEach(append)
    }

    /// A chain of `modules`, in order.
    public init(_ modules: [Module]) {
        super.init()
        modules.forEach(append)
    }

    /// A chain of the modules listed in the block, one per line (`if` and `for` allowed).
    public convenience init(@ModuleBuilder _ makeModules: () -> [Module]) {
        self.init(makeModules())
    }

    /// Adds `module` at the end of the chain.
    public func append(_ module: Module) {
        register(module, as: String(registeredChildren.count))
    }

    /// The number of modules in the chain.
    public var count: Int { registeredChildren.count }

    /// The module at `index` (negative indices count from the end, `net[-1]` is the last), as
    /// PyTorch's `net[index]`. For its own type's members use `net[index, as: Linear.self]`.
    public subscript(index: Int) -> Module {
        let n = registeredChildren.count
        require(index >= -n && index < n,
                "Sequential: index \(index) is out of range for a chain of \(n) modules")
        return registeredChildren[index < 0 ? index + n : index].module
    }

    /// The module at `index` as a `type`, without a cast at the call site:
    /// `net[0, as: Linear.self].weight` (PyTorch's `net[0].weight`). Stops with a message naming
    /// both types when the module is of another type. A `LazyLinear` is a `Linear`.
    public subscript<Child: Module>(index: Int, as type: Child.Type) -> Child {
        let module = self[index]
        guard let child = module as? Child else {
            fatalError("Sequential: module \(index) is a \(Swift.type(of: module)), not a \(Child.self)")
        }
        return child
    }

    /// The input passed through every module in turn.
    public override func forward(_ x: Tensor) -> Tensor {
        var x = x
        for (_, module) in registeredChildren { x = module(x) }
        return x
    }
}

/// Builds a list of modules from a block, one per line: the result builder of
/// `Sequential { ... }`. Supports `if`, `if`/`else` and `for` loops.
@resultBuilder
public enum ModuleBuilder {
    /// One module on a line.
    public static func buildExpression(_ module: Module) -> [Module] { [module] }
    /// Several modules on a line (an array of them).
    public static func buildExpression(_ modules: [Module]) -> [Module] { modules }
    /// The lines of a block, in order.
    public static func buildBlock(_ parts: [Module]...) -> [Module] { parts.flatMap { $0 } }
    /// An `if` without `else`: its modules, or none.
    public static func buildOptional(_ part: [Module]?) -> [Module] { part ?? [] }
    /// The `if` branch of an `if`/`else`.
    public static func buildEither(first part: [Module]) -> [Module] { part }
    /// The `else` branch of an `if`/`else`.
    public static func buildEither(second part: [Module]) -> [Module] { part }
    /// A `for` loop: the modules of every pass, in order.
    public static func buildArray(_ parts: [[Module]]) -> [Module] { parts.flatMap { $0 } }
}
