/// Stops the program with `message` when `condition` is false, in every build
/// configuration. (`precondition` drops its message in optimised builds, and a
/// user who misuses a tensor or a module needs to read which shapes broke which rule.)
///
/// `package` access: `NN` uses this one definition for its own misuse messages.
@inlinable @inline(__always)
package func require(_ condition: Bool, _ message: @autoclosure () -> String,
                     file: StaticString = #fileID, line: UInt = #line) {
    if !condition { fatalError(message(), file: file, line: line) }
}
