import SwiftParser
import SwiftSyntax

/// Turns the cells of one chapter into one Swift program (`main.swift`) that runs them in order
/// in one process, as a notebook kernel would.
///
/// Each cell's code is copied with a few one-line edits and preceded by
/// `#sourceLocation(file: "<chapter>", line: <first code line>)`, so the compiler reports at the
/// chapter's own lines:
/// - A top-level `let`/`var`/`func` whose name an earlier cell declared is renamed for this cell
///   (`net` → `net__4`, for cell 4), and unqualified references from then on use the new name.
/// - A re-declared type goes into a namespace of its own (`enum __Cell3_MLP { final class MLP … }`),
///   so `String(describing: type(of: x))` still says `MLP`; later references say `__Cell3_MLP.MLP`.
/// - A final expression is wrapped as `__show(expr)`; `__show` prints a value and has `Void`
///   overloads that print nothing.
/// - A `fails` cell runs inside `if __swiftbookRuns(n) { … }`, so a re-run after its trap can skip
///   it without recompiling.
/// The program's runtime (`ProgramPrelude`) is a second file. Before each cell, `__swiftbookBegin(n, seed:)` flushes output, prints the cell marker and
/// reseeds the engine with `cellSeed(chapterSeed, n)`.
public struct ProgramPlanner: Sendable {
    /// The chapter's path as diagnostics should show it (e.g. `Chapters/x.md`).
    public var chapterPath: String
    /// The chapter's seed (`<!-- swiftbook: seed=42 -->`).
    public var seed: UInt64
    /// Whether the program calls the engine's `manualSeed(_:)` before each cell. Off only for
    /// tests against an engine without one.
    public var callsManualSeed: Bool
    /// Modules every cell can use without importing them.
    public var imports: [String]

    public init(chapterPath: String, seed: UInt64, callsManualSeed: Bool = true, imports: [String] = ["Autograd", "NN"]) {
        self.chapterPath = chapterPath
        self.seed = seed
        self.callsManualSeed = callsManualSeed
        self.imports = imports
    }

    /// The program for `cells`, in the order given.
    public func plan(_ cells: [ProgramCell]) -> ProgramPlan {
        var text = ProgramPrelude.header(imports: imports)
        var line = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } + 1
        var planned: [PlannedCell] = []
        var spelling: [String: String] = [:]
        var declared: Set<String> = []
        for cell in cells {
            let file = Parser.parse(source: cell.code)
            let (edits, names) = self.edits(for: cell, file: file, spelling: &spelling, declared: declared)
            if !cell.expectsFailure { declared.formUnion(names) }
            let edited = EditedText(original: cell.code, edits: edits)
            var block = "__swiftbookBegin(\(cell.number), seed: \(cellSeed(chapter: seed, cell: cell.number)))\n"
            if cell.expectsFailure { block += "if __swiftbookRuns(\(cell.number)) {\n" }
            block += "#sourceLocation(file: \(swiftStringLiteral(chapterPath)), line: \(cell.line))\n"
            let firstLine = line + block.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            var code = edited.text
            if !code.hasSuffix("\n") { code += "\n" }
            let codeLines = code.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            block += code + "#sourceLocation()\n"
            if cell.expectsFailure { block += "}\n" }
            planned.append(PlannedCell(cell: cell, edited: edited, generatedLines: firstLine..<(firstLine + codeLines)))
            text += block
            line += block.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        }
        text += "__swiftbookEnd()\n"
        return ProgramPlan(source: text, runtime: ProgramPrelude.runtime(imports: imports, callsManualSeed: callsManualSeed),
                           cells: planned)
    }

    /// The edits that make `cell` legal after the cells before it, and the names it declares.
    private func edits(for cell: ProgramCell, file: SourceFileSyntax,
                       spelling: inout [String: String], declared: Set<String>) -> ([SourceEdit], Set<String>) {
        let declarations = cell.expectsFailure ? [] : topLevelDeclarations(in: file)
        var edits: [SourceEdit] = []
        var table = spelling
        // Functions and types are visible in their whole cell, so they take effect first.
        for declaration in declarations where declaration.kind != .value && declared.contains(declaration.name) {
            let start = declaration.declaration.positionAfterSkippingLeadingTrivia.utf8Offset
            switch declaration.kind {
            case .function:
                let renamed = "\(declaration.name)__\(cell.number)"
                table[declaration.name] = renamed
                edits.append(renameEdit(declaration.nameToken, to: renamed))
            case .type:
                let namespace = "__Cell\(cell.number)_\(declaration.name)"
                table[declaration.name] = "\(namespace).\(declaration.name)"
                edits.append(SourceEdit(offset: start, length: 0, replacement: "enum \(namespace) { "))
                edits.append(SourceEdit(offset: declaration.declaration.endPositionBeforeTrailingTrivia.utf8Offset,
                                        length: 0, replacement: " }"))
            case .value:
                break
            }
        }
        // Values are visible from the statement after their declaration.
        for (index, item) in file.statements.enumerated() {
            edits += ReferenceRenamer.edits(in: item, renames: table)
            for declaration in declarations where declaration.kind == .value && declaration.statement == index
                && declared.contains(declaration.name) {
                let renamed = "\(declaration.name)__\(cell.number)"
                table[declaration.name] = renamed
                edits.append(renameEdit(declaration.nameToken, to: renamed))
            }
        }
        if let shown = displayedExpression(in: file) {
            edits.append(SourceEdit(offset: shown.positionAfterSkippingLeadingTrivia.utf8Offset, length: 0, replacement: "__show("))
            edits.append(SourceEdit(offset: shown.endPositionBeforeTrailingTrivia.utf8Offset, length: 0, replacement: ")"))
        }
        spelling = table
        return (edits, Set(declarations.map(\.name)))
    }

    private func renameEdit(_ token: TokenSyntax, to name: String) -> SourceEdit {
        SourceEdit(offset: token.positionAfterSkippingLeadingTrivia.utf8Offset,
                   length: token.trimmedLength.utf8Length, replacement: name)
    }
}

/// The seed a cell starts from: SplitMix64 of the chapter seed mixed with the cell number, so
/// cells get unrelated streams and inserting a cell changes only the seeds of cells after it.
public func cellSeed(chapter seed: UInt64, cell number: Int) -> UInt64 {
    var z = seed &+ UInt64(number) &* 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// `text` as a Swift string literal (quotes and backslashes escaped).
func swiftStringLiteral(_ text: String) -> String {
    var result = "\""
    for character in text {
        switch character {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        default: result.append(character)
        }
    }
    return result + "\""
}
