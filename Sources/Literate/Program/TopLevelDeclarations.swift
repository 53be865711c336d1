import SwiftSyntax

/// What a top-level name denotes; it decides how a re-declaration is made legal Swift.
enum DeclarationKind {
    /// `let`/`var` (also `guard let` at top level): renamed per cell, visible from the next statement.
    case value
    /// `func`: renamed per cell, visible in its whole cell (top-level functions are hoisted).
    case function
    /// `class`, `struct`, `enum`, `actor`, `protocol`, `typealias`: moved into a per-cell namespace.
    case type
}

/// One name declared directly at a cell's top level.
struct TopLevelDeclaration {
    var name: String
    var kind: DeclarationKind
    /// Index of the top-level statement that declares it.
    var statement: Int
    /// The identifier token in the declaration (renamed for values and functions).
    var nameToken: TokenSyntax
    /// The whole declaration (wrapped in a namespace for types).
    var declaration: Syntax
}

/// Finds the names a cell declares at its top level, in source order.
func topLevelDeclarations(in file: SourceFileSyntax) -> [TopLevelDeclaration] {
    var found: [TopLevelDeclaration] = []
    for (index, item) in file.statements.enumerated() {
        func add(_ token: TokenSyntax, _ kind: DeclarationKind, _ node: some SyntaxProtocol) {
            found.append(TopLevelDeclaration(name: token.text, kind: kind, statement: index,
                                             nameToken: token, declaration: Syntax(node)))
        }
        switch item.item {
        case .decl(let decl):
            if let variable = decl.as(VariableDeclSyntax.self) {
                for binding in variable.bindings {
                    for token in boundIdentifiers(in: binding.pattern) { add(token, .value, variable) }
                }
            } else if let function = decl.as(FunctionDeclSyntax.self) {
                add(function.name, .function, function)
            } else if let type = decl.asProtocol(NamedDeclSyntax.self), isTypeDeclaration(decl) {
                add(type.name, .type, decl)
            }
        case .stmt(let statement):
            if let guardStatement = statement.as(GuardStmtSyntax.self) {
                for condition in guardStatement.conditions {
                    if let binding = condition.condition.as(OptionalBindingConditionSyntax.self) {
                        for token in boundIdentifiers(in: binding.pattern) { add(token, .value, guardStatement) }
                    }
                }
            }
        case .expr:
            break
        }
    }
    return found
}

private func isTypeDeclaration(_ decl: DeclSyntax) -> Bool {
    decl.is(ClassDeclSyntax.self) || decl.is(StructDeclSyntax.self) || decl.is(EnumDeclSyntax.self)
        || decl.is(ActorDeclSyntax.self) || decl.is(ProtocolDeclSyntax.self) || decl.is(TypeAliasDeclSyntax.self)
}

/// The identifiers a pattern binds: `x`, `(a, b)`, `(a, (b, c))`; `_` binds nothing.
func boundIdentifiers(in pattern: PatternSyntax) -> [TokenSyntax] {
    if let identifier = pattern.as(IdentifierPatternSyntax.self) { return [identifier.identifier] }
    if let tuple = pattern.as(TuplePatternSyntax.self) {
        return tuple.elements.flatMap { boundIdentifiers(in: $0.pattern) }
    }
    if let binding = pattern.as(ValueBindingPatternSyntax.self) { return boundIdentifiers(in: binding.pattern) }
    return []
}
