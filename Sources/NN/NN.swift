// Cells and users write `import NN` and get the tensors too.
@_exported import Autograd

/// Stops the program with `message` when `condition` is false, in every build configuration
/// (`precondition` drops its message in optimised builds, and a user who misuses a module needs
/// to read which rule broke and with which shapes).
@inline(__always)
func require(_ condition: Bool, _ message: @autoclosure () -> String,
             file: StaticString = #fileID, line: UInt = #line) {
    if !condition { fatalError(message(), file: file, line: line) }
}
