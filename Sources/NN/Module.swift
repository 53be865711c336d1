/// The building block of networks: a layer, a group of layers, or a whole model.
///
/// Subclass it, keep layers and `@Parameter` tensors as stored properties, and override
/// `forward`. `Module` supplies the rest: calling the module like a function, finding its
/// children and parameters by reflection (`Module+Reflection.swift`), printing the tree as
/// PyTorch prints it, clearing gradients, saving and loading parameters.
///
/// ```swift
/// final class MLP: Module {
///     let hidden = LazyLinear(256)
///     let output = LazyLinear(10)
///     override func forward(_ x: Tensor) -> Tensor { output(relu(hidden(x))) }
/// }
/// let net = MLP()
/// net(Tensor.rand(2, 20)).shape   // [2, 10]
/// ```
///
/// Children are found in stored properties, in arrays of modules and in optionals that are
/// set; parameters only in properties marked `@Parameter` (a plain `Tensor` property is a
/// constant). Modules kept anywhere else (a dictionary, a closure) are invisible unless added
/// with `register(_:as:)`.
open class Module: CustomStringConvertible {
    /// Children added with `register(_:as:)`, in registration order.
    var registeredChildren: [(name: String, module: Module)] = []

    /// A module with no children or parameters yet; subclasses add theirs as stored properties.
    public init() {}

    /// The module's computation: its output for the input `x`. Subclasses override it.
    open func forward(_ x: Tensor) -> Tensor {
        fatalError("\(type(of: self)) does not override forward(_:); a module says how it turns its input into its output")
    }

    /// Runs `forward(x)`: a module is called like a function.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        forward(x)
    }

    /// Adds `module` as a child named `name`, for modules that are not kept in a stored property
    /// (PyTorch's `add_module`). Registered children come after the properties' children, in
    /// registration order; registering a name again replaces that child in place.
    public func register(_ module: Module, as name: String) {
        require(!name.isEmpty && !name.contains("."),
                "register(_:as:): a child's name must be non-empty and contain no '.', got \"\(name)\"")
        if let index = registeredChildren.firstIndex(where: { $0.name == name }) {
            registeredChildren[index].module = module
        } else {
            registeredChildren.append((name, module))
        }
    }

    /// The text between the parentheses of the module's printed line, such as
    /// `in_features=20, out_features=256, bias=True` (PyTorch's `extra_repr`). Empty by default.
    open var extraDescription: String { "" }

    /// The name the module prints under; its type's name by default.
    open var typeName: String { String(describing: type(of: self)) }
}
