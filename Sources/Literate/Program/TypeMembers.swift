import SwiftSyntax

/// The member names of the types a chapter declares, with those they inherit from the chapter's
/// other types and protocols and add in extensions.
///
/// Inside a type's body an unqualified name is looked up among the type's members, inherited
/// ones included, before the top level: `print(name)` in `class Dog: Animal` means Animal's
/// `name`, not a top-level `name`. The planner must know that to leave such names alone. Members
/// inherited from types the chapter does not declare (the engine's `Module`, the standard
/// library's protocols) are not visible to a reading of the chapter alone; see the README.
struct TypeMembers {
    private var own: [String: Set<String>] = [:]
    private var supertypes: [String: Set<String>] = [:]

    init(files: [SourceFileSyntax]) {
        for file in files {
            for item in file.statements {
                guard case .decl(let decl) = item.item else { continue }
                if let type = decl.asProtocol(NamedDeclSyntax.self), let group = decl.asProtocol(DeclGroupSyntax.self) {
                    add(name: identifierText(type.name), group: group)
                } else if let extensionDecl = decl.as(ExtensionDeclSyntax.self) {
                    add(name: tokenText(extensionDecl.extendedType), group: extensionDecl)
                }
            }
        }
    }

    private mutating func add(name: String, group: some DeclGroupSyntax) {
        own[name, default: []].formUnion(memberNames(of: group.memberBlock))
        for inherited in group.inheritanceClause?.inheritedTypes ?? [] {
            supertypes[name, default: []].insert(tokenText(inherited.type))
        }
    }

    /// The names a type's body sees as members: its own, its extensions', and those of the
    /// chapter's types it inherits from or conforms to.
    func members(of type: String) -> Set<String> {
        var result: Set<String> = []
        var seen: Set<String> = []
        var pending = [type]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            result.formUnion(own[next] ?? [])
            pending += supertypes[next] ?? []
        }
        return result
    }
}

/// The names a member block declares: properties, methods, nested types, enum cases,
/// associated types.
func memberNames(of block: MemberBlockSyntax) -> Set<String> {
    var names: Set<String> = []
    for member in block.members {
        let decl = member.decl
        if let variable = decl.as(VariableDeclSyntax.self) {
            for binding in variable.bindings { names.formUnion(boundIdentifiers(in: binding.pattern).map(identifierText)) }
        } else if let cases = decl.as(EnumCaseDeclSyntax.self) {
            names.formUnion(cases.elements.map { identifierText($0.name) })
        } else if let named = decl.asProtocol(NamedDeclSyntax.self) {
            names.insert(identifierText(named.name))
        }
    }
    return names
}
