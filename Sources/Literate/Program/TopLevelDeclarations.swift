import SwiftSyntax

/// What a top-level name denotes; it decides when a later declaration replaces it and how a
/// replaced declaration is spelled in the program.
enum DeclarationKind {
    /// `let`/`var` (also `guard let` at top level): visible from the next statement.
    case value
    /// `func`: visible in the whole program (top-level functions are hoisted); replaced only by a
    /// function of the same signature, overloaded by any other.
    case function
    /// `class`, `struct`, `enum`, `actor`, `protocol`, `typealias`: visible in the whole program.
    case type
}

/// One name declared directly at a cell's top level.
struct TopLevelDeclaration {
    var name: String
    var kind: DeclarationKind
    /// Index of the top-level statement that declares it.
    var statement: Int
    /// The identifier token in the declaration.
    var nameToken: TokenSyntax
    /// The whole declaration (wrapped in a namespace when a type is replaced).
    var declaration: Syntax
    /// A function's parameters, in order, as a call sees them.
    var parameters: [ParameterShape] = []
    /// A function's signature (labels, parameter and result types, generic clause, effects): two
    /// functions of one name are the same function exactly when their signatures are equal.
    var signature = ""
}

/// A function parameter as a call sees it.
struct ParameterShape: Equatable {
    /// The argument label; nil for `_`.
    var label: String?
    /// A call may leave it out (it has a default value).
    var hasDefault: Bool
    /// It takes any number of arguments (`Int...`).
    var isVariadic: Bool
}

/// Finds the names a cell declares at its top level, in source order. Operator functions are
/// left out: a name that is not an identifier cannot be given another spelling.
func topLevelDeclarations(in file: SourceFileSyntax) -> [TopLevelDeclaration] {
    var found: [TopLevelDeclaration] = []
    for (index, item) in file.statements.enumerated() {
        for bound in boundNames(of: item) {
            var declaration = TopLevelDeclaration(name: identifierText(bound.token), kind: bound.kind, statement: index,
                                                  nameToken: bound.token, declaration: bound.declaration)
            if let function = bound.declaration.as(FunctionDeclSyntax.self) {
                guard case .identifier = function.name.tokenKind else { continue }
                declaration.parameters = function.signature.parameterClause.parameters.map {
                    ParameterShape(label: $0.firstName.tokenKind == .wildcard ? nil : identifierText($0.firstName),
                                   hasDefault: $0.defaultValue != nil, isVariadic: $0.ellipsis != nil)
                }
                declaration.signature = functionSignature(function)
            }
            found.append(declaration)
        }
    }
    return found
}

/// A name that a statement of a block (or of a cell's top level) binds for the statements after it.
struct BoundName {
    /// The identifier token that binds it.
    var token: TokenSyntax
    var kind: DeclarationKind
    /// The declaration or statement that binds it.
    var declaration: Syntax
}

/// The names one item of a block binds: a `let`/`var`'s patterns, a function's or type's name, and
/// what a `guard` binds (`guard let x`, `guard case .some(let x)`). The top level of a cell
/// (`topLevelDeclarations`) and every local block (`ReferenceRenamer`) read their names here.
func boundNames(of item: CodeBlockItemSyntax) -> [BoundName] {
    switch item.item {
    case .decl(let decl):
        if let variable = decl.as(VariableDeclSyntax.self) {
            return variable.bindings.flatMap { binding in
                boundIdentifiers(in: binding.pattern).map { BoundName(token: $0, kind: .value, declaration: Syntax(variable)) }
            }
        } else if let function = decl.as(FunctionDeclSyntax.self) {
            return [BoundName(token: function.name, kind: .function, declaration: Syntax(function))]
        } else if let type = decl.asProtocol(NamedDeclSyntax.self), isTypeDeclaration(decl) {
            return [BoundName(token: type.name, kind: .type, declaration: Syntax(decl))]
        }
        return []
    case .stmt(let statement):
        guard let guardStatement = statement.as(GuardStmtSyntax.self) else { return [] }
        return guardStatement.conditions.flatMap { condition -> [BoundName] in
            let pattern = condition.condition.as(OptionalBindingConditionSyntax.self).map { Syntax($0.pattern) }
                ?? condition.condition.as(MatchingPatternConditionSyntax.self).map { Syntax($0.pattern) }
            guard let pattern else { return [] }
            return boundIdentifiers(in: pattern).map { BoundName(token: $0, kind: .value, declaration: Syntax(guardStatement)) }
        }
    case .expr:
        return []
    }
}

/// Labels, parameter types, result type, generic clause and effects, as tokens without trivia:
/// `func f(a x: Int)` and `func f(a y: Int)` are one function; `f(_: Int)` and `f(_: String)` two.
private func functionSignature(_ function: FunctionDeclSyntax) -> String {
    var parts: [String] = []
    if let generics = function.genericParameterClause { parts.append(tokenText(generics)) }
    for parameter in function.signature.parameterClause.parameters {
        parts.append("\(parameter.firstName.text):\(tokenText(parameter.type))\(parameter.ellipsis == nil ? "" : "...")")
    }
    if let effects = function.signature.effectSpecifiers { parts.append(tokenText(effects)) }
    if let result = function.signature.returnClause { parts.append(tokenText(result)) }
    if let whereClause = function.genericWhereClause { parts.append(tokenText(whereClause)) }
    return parts.joined(separator: " ")
}

/// A node's tokens joined by single spaces: its text with comments and layout removed.
func tokenText(_ node: some SyntaxProtocol) -> String {
    node.tokens(viewMode: .sourceAccurate).map(\.text).joined(separator: " ")
}

/// An identifier's name without the backticks that let it be a keyword (`` `default` `` is `default`).
func identifierText(_ token: TokenSyntax) -> String {
    let text = token.text
    if text.count >= 2, text.hasPrefix("`"), text.hasSuffix("`") { return String(text.dropFirst().dropLast()) }
    return text
}

private func isTypeDeclaration(_ decl: DeclSyntax) -> Bool {
    decl.is(ClassDeclSyntax.self) || decl.is(StructDeclSyntax.self) || decl.is(EnumDeclSyntax.self)
        || decl.is(ActorDeclSyntax.self) || decl.is(ProtocolDeclSyntax.self) || decl.is(TypeAliasDeclSyntax.self)
}

/// The identifiers a pattern binds: `x`, `(a, b)`, `(a, (b, c))`, `.some(let x)`; `_` binds nothing.
func boundIdentifiers(in node: some SyntaxProtocol) -> [TokenSyntax] {
    let collector = PatternNameCollector(viewMode: .sourceAccurate)
    collector.walk(node)
    return collector.names
}

/// Collects the identifiers bound by patterns, without looking into closures (whose bindings are
/// their own).
private final class PatternNameCollector: SyntaxVisitor {
    var names: [TokenSyntax] = []
    override func visit(_ node: IdentifierPatternSyntax) -> SyntaxVisitorContinueKind {
        names.append(node.identifier)
        return .skipChildren
    }
    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
}
