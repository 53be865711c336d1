import Foundation

/// Turns the addresses a trapped program reported (see `TrapReporter`) into the line of a cell's
/// code where the trap happened, with `llvm-symbolizer` and the line tables the program was
/// compiled with.
struct TrapLocator {
    /// `llvm-symbolizer`, beside the compiler or on `PATH`.
    let symbolizer: String

    /// Where a trap happened and, when the faulting instruction is one of the compiler's checks,
    /// the runtime's reason (`Swift runtime failure: arithmetic overflow`).
    struct Location {
        var position: CellPosition?
        var runtimeFailure: String?
    }

    /// - Parameters:
    ///   - addresses: the faulting address, then return addresses already moved back into their
    ///     call instruction, as offsets into the binary.
    ///   - plan: the plan the binary was built from (names each cell's code `<chapter>#<cell>`).
    func locate(_ addresses: [UInt], in binary: URL, plan: ProgramPlan) -> Location {
        guard !addresses.isEmpty,
              let result = try? ChildProcess.output(symbolizer, arguments: ["--obj=\(binary.path)", "--inlining", "--demangle"]
                                                    + addresses.map { "0x" + String($0, radix: 16) }),
              result.termination == .exited(0) else { return Location() }
        // One block per address: pairs of lines (function, file:line:column), innermost inlined frame first.
        let blocks = result.text.components(separatedBy: "\n\n").map { $0.split(separator: "\n").map(String.init) }
        var location = Location()
        if let first = blocks.first, let reason = first.first(where: { $0.hasPrefix("Swift runtime failure: ") }) {
            location.runtimeFailure = reason
        }
        for block in blocks {
            for line in block.dropFirst().enumerated().filter({ $0.offset % 2 == 0 }).map(\.element) {
                if let position = cellPosition(line, plan: plan) {
                    location.position = position
                    return location
                }
            }
        }
        return location
    }

    /// `/work/x.md#3:5:9` → cell 3, line 5, the column in the cell's own code.
    private func cellPosition(_ text: String, plan: ProgramPlan) -> CellPosition? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]),
              line > 0 else { return nil }
        let file = parts.dropLast(2).joined(separator: ":")
        guard let planned = plan.cell(inSourceFile: file) else { return nil }
        return CellPosition(cell: planned.cell.id, line: line, column: max(planned.originalColumn(line: line, column: max(column, 1)), 1))
    }
}
