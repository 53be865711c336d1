import SwiftParser
import SwiftSyntax

/// Turns the cells of one chapter into one Swift program (`main.swift`) that runs them in order
/// in one process, as a notebook kernel would, and that the compiler reads exactly as it would
/// read the cells concatenated into one `main.swift`:
///
/// - Every cell, `fails` cells included, is compiled at file scope, as written.
/// - A declaration that a later cell declares again is given another spelling, and so are the
///   references that mean it (`DeclarationTable`, `ReferenceRenamer`); the newest declaration of
///   every name, and so the code of the cell being written, stays exactly as written.
/// - A final expression is wrapped as `__show(expr)`, which prints a value that is not `Void`.
///   The executor plans again without the wrapper (`withoutDisplay`) when a cell does not
///   compile, so a message is always the one the plain code gets.
/// - A cell with a syntax error is copied untouched.
/// - A `fails` cell that declares nothing at its top level (only expressions and statements, no
///   `defer`) runs inside `if __swiftbookRuns(n) { … }`: without declarations the block means
///   exactly what the same lines mean at file scope, and a run after its trap can skip it
///   (`SWIFTBOOK_SKIP`) instead of compiling the program again.
/// - Each cell is preceded by `#sourceLocation(file: "<chapter file>#<cell>", line: 1)`: the
///   compiler reports, and `#line` and `#file` say, positions in the cell, so nothing the
///   program prints or the compiler says depends on where the cell sits in the chapter; the
///   executor places them in the chapter.
///
/// The program's runtime (`ProgramPrelude`) is a second file. Before each cell,
/// `__swiftbookBegin(n, seed:)` flushes output, prints the cell marker and reseeds the engine.
struct ProgramPlanner: Sendable {
    /// The chapter's file name (`custom-layers.md`), as `#file` shows it.
    var chapterName: String
    /// The chapter's seed (`<!-- swiftbook: seed=42 -->`).
    var seed: UInt64
    /// Modules every cell can use without importing them.
    var imports: [String]

    init(chapterName: String, seed: UInt64, imports: [String] = ["Autograd", "NN", "Plot"]) {
        self.chapterName = chapterName
        self.seed = seed
        self.imports = imports
    }

    /// The program for `cells`, in the order given; the final expressions of the cells in
    /// `withoutDisplay` are left as plain statements.
    func plan(_ cells: [ProgramCell], withoutDisplay: Set<Cell.ID> = []) -> ProgramPlan {
        let files = cells.map { Parser.parse(source: $0.code) }
        let valid = files.map { !$0.hasError }
        let declarations = files.indices.map { valid[$0] ? topLevelDeclarations(in: files[$0]) : [] }
        let table = DeclarationTable(declarations: declarations, cells: cells.map(\.id))
        let members = TypeMembers(files: files.indices.filter { valid[$0] }.map { files[$0] })

        var text = ProgramPrelude.header(imports: imports)
        var line = lineCount(text) + 1
        var planned: [PlannedCell] = []
        var seen: [String: Int] = [:]
        for (index, cell) in cells.enumerated() {
            let file = files[index]
            var edits: [SourceEdit] = []
            var shown = false
            if valid[index] {
                edits += declarationEdits(inCell: index, table: table)
                edits += ReferenceRenamer.edits(in: file, cell: index, table: table, members: members)
                if !withoutDisplay.contains(cell.id), let expression = displayedExpression(in: file) {
                    edits.append(SourceEdit(offset: expression.positionAfterSkippingLeadingTrivia.utf8Offset, length: 0,
                                            replacement: "__show("))
                    edits.append(SourceEdit(offset: expression.endPositionBeforeTrailingTrivia.utf8Offset, length: 0,
                                            replacement: ")"))
                    shown = true
                }
            }
            let edited = EditedText(original: cell.code, edits: edits)
            let tokens = tokenText(file)
            let occurrence = seen[tokens, default: 0]
            seen[tokens] = occurrence + 1
            var block = "__swiftbookBegin(\(cell.id.number), seed: \(cellSeed(chapter: seed, code: tokens, occurrence: occurrence)))\n"
            let skippable = cell.expectsFailure && valid[index] && declaresNothing(file)
            if skippable { block += "if __swiftbookRuns(\(cell.id.number)) {\n" }
            block += "#sourceLocation(file: \(swiftStringLiteral(sourceFileName(cell: cell.id))), line: 1)\n"
            let firstLine = line + lineCount(block)
            var code = edited.text
            if !code.hasSuffix("\n") { code += "\n" }
            block += code + "#sourceLocation()\n"
            if skippable { block += "}\n" }
            planned.append(PlannedCell(cell: cell, edited: edited, generatedLines: firstLine..<(firstLine + lineCount(code)),
                                       showsValue: shown, skippable: skippable))
            text += block
            line += lineCount(block)
        }
        text += "__swiftbookEnd()\n"
        return ProgramPlan(source: text, runtime: ProgramPrelude.runtime(imports: imports), cells: planned)
    }

    /// The name the compiler knows a cell's code by, and `#file` says in it: `custom-layers.md#3`
    /// (`ProgramPlan.cell(inSourceFile:)` reads it back).
    func sourceFileName(cell id: Cell.ID) -> String { "\(chapterName)#\(id.number)" }

    /// The new spellings of the declarations in one cell that later cells replace: a value or
    /// function gets its `name·N`, a type moves into its namespace. A replaced `private` type
    /// becomes `fileprivate`, which is what `private` means at the top level of a file.
    private func declarationEdits(inCell cell: Int, table: DeclarationTable) -> [SourceEdit] {
        var edits: [SourceEdit] = []
        var wrapped: Set<SyntaxIdentifier> = []
        for entry in table.replaced(inCell: cell) {
            let declaration = entry.declaration
            guard let spelling = entry.spelling else { continue }
            if let namespace = entry.namespace {
                guard wrapped.insert(declaration.declaration.id).inserted else { continue }
                let node = declaration.declaration
                edits.append(SourceEdit(offset: node.positionAfterSkippingLeadingTrivia.utf8Offset, length: 0,
                                        replacement: "enum \(namespace) { "))
                edits.append(SourceEdit(offset: node.endPositionBeforeTrailingTrivia.utf8Offset, length: 0, replacement: " }"))
                if let modifiers = node.asProtocol(WithModifiersSyntax.self)?.modifiers,
                   let privateModifier = modifiers.first(where: { $0.name.tokenKind == .keyword(.private) && $0.detail == nil }) {
                    edits.append(SourceEdit(offset: privateModifier.name.positionAfterSkippingLeadingTrivia.utf8Offset,
                                            length: privateModifier.name.trimmedLength.utf8Length, replacement: "fileprivate"))
                }
                continue
            }
            var replacement = spelling
            // `guard let x else …` at the top level binds a new `x` from the one in force.
            if let binding = declaration.nameToken.parent?.parent?.as(OptionalBindingConditionSyntax.self),
               binding.initializer == nil {
                let old = table.spelling(of: declaration.name, cell: cell, statement: declaration.statement, call: nil)
                replacement += " = \(old ?? declaration.nameToken.text)"
            }
            edits.append(SourceEdit(offset: declaration.nameToken.positionAfterSkippingLeadingTrivia.utf8Offset,
                                    length: declaration.nameToken.trimmedLength.utf8Length, replacement: replacement))
        }
        return edits
    }
}

/// True when a cell's top level holds only expressions and statements that bind nothing and
/// outlive nothing: no declaration, no `guard let`/`guard case`, no `defer`.
private func declaresNothing(_ file: SourceFileSyntax) -> Bool {
    file.statements.allSatisfy { item in
        switch item.item {
        case .decl: return false
        case .stmt(let statement):
            if statement.is(DeferStmtSyntax.self) { return false }
            if let guardStatement = statement.as(GuardStmtSyntax.self) {
                return guardStatement.conditions.allSatisfy { $0.condition.is(ExprSyntax.self) }
            }
            return true
        case .expr: return true
        }
    }
}

private func lineCount(_ text: String) -> Int { text.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 } }

/// The seed a cell starts from: SplitMix64 of the chapter seed mixed with a hash of the cell's
/// tokens (its code without comments and layout) and how many earlier cells have the same
/// tokens. A cell's random draws therefore depend on the cell itself, never on its position:
/// inserting or removing another cell leaves them as they were.
func cellSeed(chapter seed: UInt64, code: String, occurrence: Int) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
    for byte in code.utf8 {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    var z = (seed ^ hash) &+ UInt64(occurrence) &* 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// `text` as a Swift string literal: quotes and backslashes escaped, a line feed as `\n` and
/// other control characters as `\u{1E}`.
func swiftStringLiteral(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}
