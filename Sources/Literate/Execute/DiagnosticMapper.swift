/// A compiler message placed at a chapter location and blamed on one cell.
struct MappedDiagnostic: Sendable {
    var cell: Int
    var line: Int
    var column: Int
    var severity: String
    var message: String
    var path: String

    var formatted: String { "\(path):\(line):\(column): \(severity): \(message)" }
}

/// Moves `swiftc`'s diagnostics onto the chapter: lines are already the chapter's (thanks to
/// `#sourceLocation`); columns lose the planner's edits and regain the cell's indentation; a
/// diagnostic inside generated code (the runtime around the cells) is put at the first line of
/// the nearest cell, so nothing ever points at a generated file.
struct DiagnosticMapper {
    let plan: ProgramPlan
    let chapterPath: String
    let mainPath: String

    /// Errors (each with its cell) and warnings (formatted); notes are dropped, as they mostly
    /// point into the engine's or the standard library's declarations.
    func attribute(_ diagnostics: [CompilerDiagnostic]) -> (errors: [MappedDiagnostic], warnings: [String]) {
        var errors: [MappedDiagnostic] = []
        var warnings: [String] = []
        for diagnostic in diagnostics where diagnostic.severity != "note" {
            guard let mapped = map(diagnostic) else { continue }
            if diagnostic.severity == "error" {
                errors.append(mapped)
            } else if diagnostic.file == chapterPath, !expectsFailure(mapped.cell) {
                // A `fails` cell runs in a local scope, where its unused values earn warnings a
                // reader of the chapter cannot act on.
                warnings.append(mapped.formatted)
            }
        }
        return (errors, warnings)
    }

    private func expectsFailure(_ number: Int) -> Bool {
        plan.cells.first { $0.cell.number == number }?.cell.expectsFailure ?? false
    }

    private func map(_ diagnostic: CompilerDiagnostic) -> MappedDiagnostic? {
        if diagnostic.file == chapterPath,
           let planned = plan.cell(atChapterLine: diagnostic.line) ?? plan.cells.last(where: { $0.cell.line <= diagnostic.line }) {
            let column = plan.chapterColumn(of: planned, line: diagnostic.line, column: diagnostic.column)
            return MappedDiagnostic(cell: planned.cell.number, line: diagnostic.line, column: column,
                                    severity: diagnostic.severity, message: diagnostic.message, path: chapterPath)
        }
        let planned = diagnostic.file == mainPath ? plan.cell(atGeneratedLine: diagnostic.line) : plan.cells.first
        guard let planned else { return nil }
        return MappedDiagnostic(cell: planned.cell.number, line: planned.cell.line, column: planned.cell.indentation + 1,
                                severity: diagnostic.severity,
                                message: "\(diagnostic.message) (in the code swiftbook wraps around cell \(planned.cell.number))",
                                path: chapterPath)
    }
}
