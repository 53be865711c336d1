import SwiftSyntax

/// Finds the references in one cell that mean a replaced top-level declaration and produces the
/// edits that spell them as the program does (`net` → `net·2`, `MLP` → `MLP·3.MLP`).
///
/// A reference is an unqualified name: a `DeclReferenceExprSyntax` that is not the member after a
/// dot or a key-path component, or an `IdentifierTypeSyntax`. Argument labels and member names
/// are other syntax and never touched. Swift's own lookup order is followed: a name bound in an
/// enclosing local scope (a parameter, a local of any block, a loop or pattern variable, a
/// capture, `error` in a `catch`, `newValue`) or a member of the enclosing type (inherited ones
/// included, see `TypeMembers`) hides the top level, and only top-level names are rewritten.
/// A local name hides the top-level one in its whole block: using a local before its
/// declaration is an error in Swift, so the coarser rule decides the same for code that compiles.
final class ReferenceRenamer: SyntaxVisitor {
    private let table: DeclarationTable
    private let members: TypeMembers
    private let cell: Int
    private var statement = 0
    private var scopes: [Set<String>] = []
    /// Inside the body of a replaced type, its own name means itself (its namespace's member).
    private var namespace: String?
    /// Inside the accessors of a top-level variable (`didSet`, a getter), its own name means
    /// itself, declared by the statement being walked.
    private var accessorOwners: [Set<String>] = []
    private(set) var edits: [SourceEdit] = []

    private init(table: DeclarationTable, members: TypeMembers, cell: Int) {
        self.table = table
        self.members = members
        self.cell = cell
        super.init(viewMode: .sourceAccurate)
    }

    /// The edits for every reference in the cell at position `cell` of the program.
    static func edits(in file: SourceFileSyntax, cell: Int, table: DeclarationTable, members: TypeMembers) -> [SourceEdit] {
        let renamer = ReferenceRenamer(table: table, members: members, cell: cell)
        let replacedTypes = Set(table.replaced(inCell: cell).filter { $0.namespace != nil }.map(\.declaration.name))
        for (index, item) in file.statements.enumerated() {
            renamer.statement = index
            if case .decl(let decl) = item.item, let type = decl.asProtocol(NamedDeclSyntax.self),
               replacedTypes.contains(identifierText(type.name)) {
                renamer.namespace = identifierText(type.name)
            } else {
                renamer.namespace = nil
            }
            renamer.walk(item)
        }
        return renamer.edits
    }

    private func spelling(of name: String, call: CallShape? = nil) -> String? {
        if name == namespace || scopes.contains(where: { $0.contains(name) }) { return nil }
        let ownAccessor = accessorOwners.contains { $0.contains(name) }
        return table.spelling(of: name, cell: cell, statement: ownAccessor ? statement + 1 : statement, call: call)
    }

    private func replace(_ token: TokenSyntax, with text: String) {
        edits.append(SourceEdit(offset: token.positionAfterSkippingLeadingTrivia.utf8Offset,
                                length: token.trimmedLength.utf8Length, replacement: text))
    }

    private func insert(_ text: String, after node: some SyntaxProtocol) {
        edits.append(SourceEdit(offset: node.endPositionBeforeTrailingTrivia.utf8Offset, length: 0, replacement: text))
    }

    // References.

    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        if let member = node.parent?.as(MemberAccessExprSyntax.self), member.declName.id == node.id { return .skipChildren }
        if node.parent?.is(KeyPathPropertyComponentSyntax.self) == true { return .skipChildren }
        guard case .identifier = node.baseName.tokenKind else { return .skipChildren }
        var call: CallShape?
        if let names = node.argumentNames {
            call = CallShape(labels: names.arguments.map { $0.name.tokenKind == .wildcard ? nil : identifierText($0.name) },
                             trailingClosures: 0, exact: true)
        } else if let parent = node.parent?.as(FunctionCallExprSyntax.self), parent.calledExpression.id == node.id {
            call = CallShape(labels: parent.arguments.map { $0.label.map(identifierText) },
                             trailingClosures: (parent.trailingClosure == nil ? 0 : 1) + parent.additionalTrailingClosures.count)
        }
        if let text = spelling(of: identifierText(node.baseName), call: call) { replace(node.baseName, with: text) }
        return .skipChildren
    }

    override func visit(_ node: IdentifierTypeSyntax) -> SyntaxVisitorContinueKind {
        if case .identifier = node.name.tokenKind, let text = spelling(of: identifierText(node.name)) {
            replace(node.name, with: text)
        }
        return .visitChildren
    }

    /// `if let net {` binds a new `net` from the old one: spell the old one out (`if let net = net·2 {`).
    override func visit(_ node: OptionalBindingConditionSyntax) -> SyntaxVisitorContinueKind {
        if node.initializer == nil, let identifier = node.pattern.as(IdentifierPatternSyntax.self),
           let text = spelling(of: identifierText(identifier.identifier)) {
            insert(" = \(text)", after: identifier)
        }
        return .visitChildren
    }

    /// `[a]` captures the `a` in force: spell it out (`[a = a·2]`); inside, `a` is the capture.
    override func visit(_ node: ClosureCaptureSyntax) -> SyntaxVisitorContinueKind {
        if node.initializer == nil, case .identifier = node.name.tokenKind, let text = spelling(of: identifierText(node.name)) {
            insert(" = \(text)", after: node.name)
        }
        return .visitChildren
    }

    // Scopes.

    override func visit(_ node: CodeBlockSyntax) -> SyntaxVisitorContinueKind {
        scopes.append(declaredNames(in: node.statements))
        return .visitChildren
    }
    override func visitPost(_ node: CodeBlockSyntax) { scopes.removeLast() }

    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind {
        if let signature = node.signature { walk(signature) }
        var names = declaredNames(in: node.statements)
        for capture in node.signature?.capture?.items ?? [] { names.insert(identifierText(capture.name)) }
        switch node.signature?.parameterClause {
        case .simpleInput(let shorthand): names.formUnion(shorthand.map { identifierText($0.name) })
        case .parameterClause(let clause): names.formUnion(clause.parameters.map { identifierText($0.secondName ?? $0.firstName) })
        case nil: break
        }
        scopes.append(names)
        walk(node.statements)
        scopes.removeLast()
        return .skipChildren
    }

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        scopes.append(parameterNames(node.signature.parameterClause).union(genericNames(node.genericParameterClause)))
        return .visitChildren
    }
    override func visitPost(_ node: FunctionDeclSyntax) { scopes.removeLast() }

    override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind {
        scopes.append(parameterNames(node.signature.parameterClause).union(genericNames(node.genericParameterClause)))
        return .visitChildren
    }
    override func visitPost(_ node: InitializerDeclSyntax) { scopes.removeLast() }

    override func visit(_ node: SubscriptDeclSyntax) -> SyntaxVisitorContinueKind {
        scopes.append(parameterNames(node.parameterClause).union(genericNames(node.genericParameterClause)))
        return .visitChildren
    }
    override func visitPost(_ node: SubscriptDeclSyntax) { scopes.removeLast() }

    /// `set`/`willSet` see `newValue`, `didSet` sees `oldValue`, unless they name it themselves.
    override func visit(_ node: AccessorDeclSyntax) -> SyntaxVisitorContinueKind {
        var names: Set<String> = []
        if let parameter = node.parameters { names.insert(identifierText(parameter.name)) }
        switch node.accessorSpecifier.tokenKind {
        case .keyword(.set), .keyword(.willSet): names.insert("newValue")
        case .keyword(.didSet): names.insert("oldValue")
        default: break
        }
        scopes.append(names)
        return .visitChildren
    }
    override func visitPost(_ node: AccessorDeclSyntax) { scopes.removeLast() }

    /// A computed property written without `get { }`; a top-level variable's own accessors.
    override func visit(_ node: AccessorBlockSyntax) -> SyntaxVisitorContinueKind {
        if case .getter(let statements) = node.accessors { scopes.append(declaredNames(in: statements)) } else { scopes.append([]) }
        let binding = node.parent?.as(PatternBindingSyntax.self)
        let topLevel = binding?.parent?.parent?.as(VariableDeclSyntax.self)?.parent?.is(CodeBlockItemSyntax.self) == true
            && scopes.count == 1
        accessorOwners.append(topLevel ? Set(boundIdentifiers(in: binding!.pattern).map(identifierText)) : [])
        return .visitChildren
    }
    override func visitPost(_ node: AccessorBlockSyntax) {
        scopes.removeLast()
        accessorOwners.removeLast()
    }

    override func visit(_ node: MemberBlockSyntax) -> SyntaxVisitorContinueKind {
        var names = memberNames(of: node)
        if let parent = node.parent {
            if let type = parent.asProtocol(NamedDeclSyntax.self) {
                names.formUnion(members.members(of: identifierText(type.name)))
            } else if let extensionDecl = parent.as(ExtensionDeclSyntax.self) {
                names.formUnion(members.members(of: tokenText(extensionDecl.extendedType)))
            }
            if let generic = parent.asProtocol(WithGenericParametersSyntax.self) {
                names.formUnion(genericNames(generic.genericParameterClause))
            }
        }
        scopes.append(names)
        return .visitChildren
    }
    override func visitPost(_ node: MemberBlockSyntax) { scopes.removeLast() }

    /// A loop variable hides a top-level name in the loop's body and `where` clause.
    override func visit(_ node: ForStmtSyntax) -> SyntaxVisitorContinueKind {
        walk(node.sequence)
        scopes.append(Set(boundIdentifiers(in: node.pattern).map(identifierText)))
        if let whereClause = node.whereClause { walk(whereClause) }
        walk(node.body)
        scopes.removeLast()
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

    /// `guard let x` binds `x` for the later conditions (and, as a declaration, for the rest of the block).
    override func visit(_ node: GuardStmtSyntax) -> SyntaxVisitorContinueKind {
        walkScoped(conditions: node.conditions, body: nil)
        walk(node.body)
        return .skipChildren
    }

    /// `case let x:` / `case .some(let x):` bind `x` in the case's statements.
    override func visit(_ node: SwitchCaseSyntax) -> SyntaxVisitorContinueKind {
        walk(node.label)
        scopes.append(Set(boundIdentifiers(in: node.label).map(identifierText)).union(declaredNames(in: node.statements)))
        walk(node.statements)
        scopes.removeLast()
        return .skipChildren
    }

    /// `catch` binds `error`, or what its patterns bind.
    override func visit(_ node: CatchClauseSyntax) -> SyntaxVisitorContinueKind {
        walk(node.catchItems)
        let bound = Set(boundIdentifiers(in: node.catchItems).map(identifierText))
        scopes.append(node.catchItems.isEmpty ? ["error"] : bound)
        walk(node.body)
        scopes.removeLast()
        return .skipChildren
    }

    private func walkScoped(conditions: ConditionElementListSyntax, body: CodeBlockSyntax?) {
        var bound: Set<String> = []
        for condition in conditions {
            scopes.append(bound)
            walk(condition)
            scopes.removeLast()
            if let binding = condition.condition.as(OptionalBindingConditionSyntax.self) {
                bound.formUnion(boundIdentifiers(in: binding.pattern).map(identifierText))
            } else if let match = condition.condition.as(MatchingPatternConditionSyntax.self) {
                bound.formUnion(boundIdentifiers(in: match.pattern).map(identifierText))
            }
        }
        guard let body else { return }
        scopes.append(bound)
        walk(body)
        scopes.removeLast()
    }

    private func parameterNames(_ clause: FunctionParameterClauseSyntax) -> Set<String> {
        Set(clause.parameters.map { identifierText($0.secondName ?? $0.firstName) })
    }

    private func genericNames(_ clause: GenericParameterClauseSyntax?) -> Set<String> {
        Set(clause?.parameters.map { identifierText($0.name) } ?? [])
    }
}

/// The names a block declares directly: its locals, local functions and types, and what its
/// `guard` statements bind (`boundNames`).
func declaredNames(in statements: CodeBlockItemListSyntax) -> Set<String> {
    Set(statements.flatMap { boundNames(of: $0) }.map { identifierText($0.token) })
}
