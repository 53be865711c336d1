/// Moves `swiftc`'s diagnostics onto the cells. The planner names each cell's code
/// `<chapter>#<cell>` with `#sourceLocation`, so a message about a cell arrives with the cell's
/// name and a line of its code; columns lose the planner's edits, and generated names become
/// the author's again (`authorsNames`). A diagnostic in generated code (the runtime around the
/// cells) is put at the first line of the nearest cell, so nothing ever points at a generated file.
struct DiagnosticMapper {
    let plan: ProgramPlan
    let mainPath: String

    /// The errors and warnings, each at a cell position; notes are dropped, as they mostly point
    /// into the engine's or the standard library's declarations.
    func map(_ diagnostics: [CompilerDiagnostic]) -> (errors: [CellDiagnostic], warnings: [CellDiagnostic]) {
        var errors: [CellDiagnostic] = []
        var warnings: [CellDiagnostic] = []
        for diagnostic in diagnostics where diagnostic.severity != .note {
            guard let mapped = map(diagnostic) else { continue }
            if diagnostic.severity == .error {
                errors.append(mapped)
            } else if let planned = plan.cell(inSourceFile: diagnostic.file), !planned.cell.expectsFailure {
                // A `fails` cell's warnings are part of the failure it shows, not advice to act on.
                warnings.append(mapped)
            }
        }
        return (errors, warnings)
    }

    private func map(_ diagnostic: CompilerDiagnostic) -> CellDiagnostic? {
        let message = authorsNames(in: diagnostic.message)
        if let planned = plan.cell(inSourceFile: diagnostic.file) {
            let column = planned.originalColumn(line: diagnostic.line, column: diagnostic.column)
            return CellDiagnostic(position: CellPosition(cell: planned.cell.id, line: diagnostic.line, column: column),
                                  severity: diagnostic.severity, message: message)
        }
        let planned = diagnostic.file == mainPath ? plan.cell(atGeneratedLine: diagnostic.line) : plan.cells.first
        guard let planned else { return nil }
        return CellDiagnostic(position: CellPosition(cell: planned.cell.id), severity: diagnostic.severity,
                              message: "\(message) (in the code swiftbook wraps around \(planned.cell.id))")
    }
}
