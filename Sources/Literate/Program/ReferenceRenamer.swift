import SwiftSyntax

/// Finds the references to re-declared top-level names in one statement of a cell and produces
/// the edits that point them at the declaration now in effect (`net` → `net__4`,
/// `MLP` → `__Cell3.MLP`).
///
/// A reference is an unqualified name: a `DeclReferenceExprSyntax` that is not the member after a
/// dot or a key-path component, or an `IdentifierTypeSyntax`. Argument labels and member names
/// are different syntax and never touched. A name that a function, closure or type body declares
/// itself (a parameter, a local, a member) shadows the top-level one inside that body.
final class ReferenceRenamer: SyntaxVisitor {
    private let renames: [String: String]
    private var shadowed: [Set<String>] = []
    private(set) var edits: [SourceEdit] = []

    init(renames: [String: String]) {
        self.renames = renames
        super.init(viewMode: .sourceAccurate)
    }

    /// The edits for every reference inside `node`.
    static func edits(in node: some SyntaxProtocol, renames: [String: String]) -> [SourceEdit] {
        guard !renames.isEmpty else { return [] }
        let renamer = ReferenceRenamer(renames: renames)
        renamer.walk(node)
        return renamer.edits
    }

    private func rename(_ token: TokenSyntax) {
        let name = token.text
        guard let replacement = renames[name], !shadowed.contains(where: { $0.contains(name) }) else { return }
        edits.append(SourceEdit(offset: token.positionAfterSkippingLeadingTrivia.utf8Offset,
                                length: token.trimmedLength.utf8Length, replacement: replacement))
    }

    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        if let member = node.parent?.as(MemberAccessExprSyntax.self), member.declName.id == node.id {
            return .skipChildren
        }
        if node.parent?.is(KeyPathPropertyComponentSyntax.self) == true { return .skipChildren }
        rename(node.baseName)
        return .skipChildren
    }

    override func visit(_ node: IdentifierTypeSyntax) -> SyntaxVisitorContinueKind {
        rename(node.name)
        return .visitChildren
    }

    /// `if let net {` binds a new `net` from the old one: spell the old one out (`if let net = net__2 {`).
    override func visit(_ node: OptionalBindingConditionSyntax) -> SyntaxVisitorContinueKind {
        if node.initializer == nil, let identifier = node.pattern.as(IdentifierPatternSyntax.self),
           let replacement = renames[identifier.identifier.text],
           !shadowed.contains(where: { $0.contains(identifier.identifier.text) }) {
            edits.append(SourceEdit(offset: identifier.endPositionBeforeTrailingTrivia.utf8Offset, length: 0,
                                    replacement: " = \(replacement)"))
        }
        return .visitChildren
    }

    // Scopes that may shadow a top-level name.

    /// A loop variable shadows a top-level name in the loop's body (and `where` clause).
    override func visit(_ node: ForStmtSyntax) -> SyntaxVisitorContinueKind {
        walk(node.sequence)
        shadowed.append(Set(boundIdentifiers(in: node.pattern).map(\.text)))
        if let whereClause = node.whereClause { walk(whereClause) }
        walk(node.body)
        shadowed.removeLast()
        return .skipChildren
    }

    /// `if let x = …` / `if case let x` bind `x` for the later conditions and the body, not the else branch.
    override func visit(_ node: IfExprSyntax) -> SyntaxVisitorContinueKind {
        walkScoped(conditions: node.conditions, body: node.body)
        if let elseBody = node.elseBody { walk(elseBody) }
        return .skipChildren
    }

    override func visit(_ node: WhileStmtSyntax) -> SyntaxVisitorContinueKind {
        walkScoped(conditions: node.conditions, body: node.body)
        return .skipChildren
    }

    private func walkScoped(conditions: ConditionElementListSyntax, body: CodeBlockSyntax) {
        var bound: Set<String> = []
        for condition in conditions {
            shadowed.append(bound)
            walk(condition)
            shadowed.removeLast()
            if let binding = condition.condition.as(OptionalBindingConditionSyntax.self) {
                bound.formUnion(boundIdentifiers(in: binding.pattern).map(\.text))
            } else if let match = condition.condition.as(MatchingPatternConditionSyntax.self) {
                bound.formUnion(boundIdentifiers(in: match.pattern).map(\.text))
            }
        }
        shadowed.append(bound)
        walk(body)
        shadowed.removeLast()
    }

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        shadowed.append(parameterNames(node.signature.parameterClause).union(localNames(node.body)))
        return .visitChildren
    }
    override func visitPost(_ node: FunctionDeclSyntax) { shadowed.removeLast() }

    override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind {
        shadowed.append(parameterNames(node.signature.parameterClause).union(localNames(node.body)))
        return .visitChildren
    }
    override func visitPost(_ node: InitializerDeclSyntax) { shadowed.removeLast() }

    override func visit(_ node: SubscriptDeclSyntax) -> SyntaxVisitorContinueKind {
        shadowed.append(parameterNames(node.parameterClause).union(localNames(node.accessorBlock)))
        return .visitChildren
    }
    override func visitPost(_ node: SubscriptDeclSyntax) { shadowed.removeLast() }

    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind {
        var names = localNames(node.statements)
        switch node.signature?.parameterClause {
        case .simpleInput(let shorthand): names.formUnion(shorthand.map(\.name.text))
        case .parameterClause(let clause): names.formUnion(clause.parameters.map { ($0.secondName ?? $0.firstName).text })
        case nil: break
        }
        shadowed.append(names)
        return .visitChildren
    }
    override func visitPost(_ node: ClosureExprSyntax) { shadowed.removeLast() }

    override func visit(_ node: MemberBlockSyntax) -> SyntaxVisitorContinueKind {
        var names: Set<String> = []
        for member in node.members {
            let decl = member.decl
            if let variable = decl.as(VariableDeclSyntax.self) {
                for binding in variable.bindings { names.formUnion(boundIdentifiers(in: binding.pattern).map(\.text)) }
            } else if let named = decl.asProtocol(NamedDeclSyntax.self) {
                names.insert(named.name.text)
            }
        }
        shadowed.append(names)
        return .visitChildren
    }
    override func visitPost(_ node: MemberBlockSyntax) { shadowed.removeLast() }

    private func parameterNames(_ clause: FunctionParameterClauseSyntax) -> Set<String> {
        Set(clause.parameters.map { ($0.secondName ?? $0.firstName).text })
    }

    /// Every name bound anywhere inside a body (locals, loop variables, `if let`, nested
    /// functions). Coarse on purpose: a local declared late in a body shadows the whole body,
    /// which is only wrong for code that uses a global and then a local of the same name.
    private func localNames(_ node: (some SyntaxProtocol)?) -> Set<String> {
        guard let node else { return [] }
        let collector = LocalNameCollector(viewMode: .sourceAccurate)
        collector.walk(node)
        return collector.names
    }
}

private final class LocalNameCollector: SyntaxVisitor {
    var names: Set<String> = []
    override func visit(_ node: IdentifierPatternSyntax) -> SyntaxVisitorContinueKind {
        names.insert(node.identifier.text)
        return .skipChildren
    }
    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        names.insert(node.name.text)
        return .visitChildren
    }
    override func visit(_ node: OptionalBindingConditionSyntax) -> SyntaxVisitorContinueKind {
        names.formUnion(boundIdentifiers(in: node.pattern).map(\.text))
        return .visitChildren
    }
}
