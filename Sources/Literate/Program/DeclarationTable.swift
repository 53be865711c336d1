/// Every top-level declaration of a chapter's cells, which of them a later cell replaces, and
/// which one a name means at each point of the program.
///
/// The notebook rule: a cell may declare a name again, and from there on the new declaration
/// wins, while code written earlier keeps the declaration that was in force where it was written.
/// A later declaration *replaces* an earlier one when the two could not stand side by side in
/// one Swift file: any two declarations of one name, except two functions with different
/// signatures, which are overloads and both stay. (Within one cell, a repeated name is the
/// author's error, reported by the compiler as written.)
///
/// The last declaration of every name keeps its own spelling, so the code of the newest cells
/// is exactly what the author wrote; a replaced one is spelled `name·N` (N: its cell's number),
/// a replaced type sits in a namespace `enum name·N { … }` so it still prints as `name`. `·`
/// (U+00B7) may appear in a Swift identifier but not in a name anyone types, and messages map
/// it back (`authorsNames(in:)`, GeneratedNames.swift).
struct DeclarationTable {
    struct Entry {
        /// Position of the declaring cell in the program.
        var cell: Int
        var declaration: TopLevelDeclaration
        /// The name in the program when a later cell replaces this declaration; nil otherwise.
        var spelling: String?
        /// For a replaced type: its namespace.
        var namespace: String?
    }

    /// Declarations by name, in program order.
    private(set) var entries: [String: [Entry]] = [:]

    /// `declarations[i]` are the top-level declarations of the i-th cell of the program, the cell
    /// `cells[i]` of the chapter.
    init(declarations: [[TopLevelDeclaration]], cells: [Cell.ID]) {
        for (cell, list) in declarations.enumerated() {
            for declaration in list {
                entries[declaration.name, default: []].append(Entry(cell: cell, declaration: declaration))
            }
        }
        for (name, list) in entries {
            var updated = list
            for index in updated.indices {
                let entry = updated[index]
                let replaced = list.contains { $0.cell > entry.cell && DeclarationTable.conflict(entry, $0) }
                guard replaced else { continue }
                let suffix = "\(name)·\(cells[entry.cell].number)"
                if entry.declaration.kind == .type {
                    updated[index].namespace = suffix
                    updated[index].spelling = "\(suffix).\(name)"
                } else {
                    updated[index].spelling = suffix
                }
            }
            entries[name] = updated
        }
    }

    /// Two declarations of one name conflict unless both are functions with different signatures.
    private static func conflict(_ a: Entry, _ b: Entry) -> Bool {
        guard a.declaration.kind == .function, b.declaration.kind == .function else { return true }
        return a.declaration.signature == b.declaration.signature
    }

    /// The replaced declarations of one cell.
    func replaced(inCell cell: Int) -> [Entry] {
        entries.values.flatMap { $0.filter { $0.cell == cell && $0.spelling != nil } }
    }

    /// How to spell a reference to `name` made in cell `cell`, top-level statement `statement`,
    /// or nil when the name as written is right. `call` describes the call when the reference is
    /// the function called, so that overloads are told apart by their labels.
    func spelling(of name: String, cell: Int, statement: Int, call: CallShape?) -> String? {
        guard let list = entries[name], list.contains(where: { $0.spelling != nil }) else { return nil }
        // Declarations visible here: from earlier cells, and from this cell the functions and
        // types (hoisted) and the values declared by earlier statements.
        let visible = list.filter {
            $0.cell < cell || ($0.cell == cell && ($0.declaration.kind != .value || $0.declaration.statement < statement))
        }
        var inForce = visible.enumerated().filter { index, entry in
            !visible[(index + 1)...].contains { $0.cell > entry.cell && DeclarationTable.conflict(entry, $0) }
        }.map(\.element)
        // Nothing declared yet: the compiler finds the program's last declaration, as written.
        guard !inForce.isEmpty else { return nil }
        if let call, inForce.allSatisfy({ $0.declaration.kind == .function }) {
            let matching = inForce.filter { call.accepts($0.declaration.parameters) }
            if !matching.isEmpty { inForce = matching }
        }
        let spellings = Set(inForce.map(\.spelling))
        // Overloads that one call's labels cannot tell apart, some replaced and some not: the
        // types decide, which only the compiler knows; the name as written reaches the newest.
        guard spellings.count == 1, let only = spellings.first else { return nil }
        return only
    }
}

/// The argument labels of a call, to choose among overloads of one name.
struct CallShape {
    /// Labels of the arguments in parentheses (nil: unlabelled).
    var labels: [String?]
    /// Trailing closures after the parentheses.
    var trailingClosures: Int
    /// The reference names its labels exactly (`f(a:b:)`), so they must all match.
    var exact = false

    /// Whether a function with these parameters accepts the call: labels match in order,
    /// parameters with default values may be left out, a variadic parameter takes a run of
    /// arguments, and trailing closures fill the parameters left at the end.
    func accepts(_ parameters: [ParameterShape]) -> Bool {
        if exact { return parameters.map(\.label) == labels }
        var index = 0
        var previousVariadic = false
        for label in labels {
            if previousVariadic, label == nil { continue }
            previousVariadic = false
            while index < parameters.count, parameters[index].label != label {
                guard parameters[index].hasDefault || parameters[index].isVariadic else { return false }
                index += 1
            }
            guard index < parameters.count else { return false }
            previousVariadic = parameters[index].isVariadic
            index += 1
        }
        let rest = parameters[index...]
        let required = rest.filter { !$0.hasDefault && !$0.isVariadic }.count
        return required <= trailingClosures && trailingClosures <= rest.count
    }
}
