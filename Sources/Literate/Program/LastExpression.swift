import SwiftSyntax

/// The expression whose value a cell shows, notebook style: the cell's last top-level item when
/// it is an expression that produces a value worth showing.
///
/// Left alone (shown as nothing): assignments (`x = 1`, `x += 1`), `if`/`switch` used as
/// statements (wrapping would turn them into expressions with stricter rules), and calls of the
/// functions that never return (`fatalError(...)`), whose wrapping only earns a warning. Whether a
/// value is `Void` is decided by the compiler, not here: the program's `__show` has a `Void`
/// overload that prints nothing, so `print(x)` as a last line shows no extra line.
func displayedExpression(in file: SourceFileSyntax) -> ExprSyntax? {
    guard let last = file.statements.last, case .expr(let expression) = last.item else { return nil }
    if expression.is(IfExprSyntax.self) || expression.is(SwitchExprSyntax.self)
        || expression.is(ClosureExprSyntax.self) || expression.is(AssignmentExprSyntax.self) {
        return nil
    }
    if let sequence = expression.as(SequenceExprSyntax.self), sequence.elements.contains(where: isAssignment) {
        return nil
    }
    if let call = expression.as(FunctionCallExprSyntax.self),
       let callee = call.calledExpression.as(DeclReferenceExprSyntax.self),
       neverReturning.contains(callee.baseName.text) {
        return nil
    }
    return expression
}

private let neverReturning: Set<String> = ["fatalError", "preconditionFailure", "exit", "abort"]

/// `=` and the compound assignments (`+=`, `<<=`, `&+=`, ...), but not comparisons.
private func isAssignment(_ element: ExprSyntax) -> Bool {
    if element.is(AssignmentExprSyntax.self) { return true }
    guard let op = element.as(BinaryOperatorExprSyntax.self) else { return false }
    let text = op.operator.text
    return text.hasSuffix("=") && !["==", "!=", "<=", ">=", "===", "!=="].contains(text)
}
