/// What a crashed program's last cell printed, split into the cell's own output and the runtime's
/// trap message (`Fatal error: Index out of range`), without the stack trace that follows.
struct TrapReport {
    /// What the cell printed before the trap.
    var printed: String
    /// The runtime's message without its `file:line: ` prefix, or a description of the signal.
    var message: String
    /// The chapter line in the message's prefix, when the trap came from the cell's own code
    /// (`fatalError("…")` in a cell reports `Chapters/x.md:60: Fatal error: …`).
    var chapterLine: Int?

    private static let kinds = ["Fatal error", "Precondition failed", "Assertion failed"]

    init(output: String, termination: Termination, chapterPath: String) {
        var lines = output.components(separatedBy: "\n")
        if let trace = lines.firstIndex(where: { $0.hasPrefix("Current stack trace:") || $0.hasPrefix("💣 Program crashed") }) {
            lines.removeSubrange(trace...)
        }
        let trapLine = lines.lastIndex { line in TrapReport.kinds.contains { line.contains($0) } }
        guard let trapLine else {
            printed = output
            switch termination {
            case .signaled(let signal): message = "killed by signal \(signal)\(TrapReport.signalName(signal))"
            case .exited(let code): message = "the program exited with status \(code) before the cell finished"
            case .timedOut: message = "timed out"
            }
            chapterLine = nil
            return
        }
        let line = lines[trapLine]
        let start = TrapReport.kinds.compactMap { line.range(of: $0)?.lowerBound }.min()!
        message = String(line[start...])
        // `fatalError` in a cell names its file as `#fileID` does: the program's module and the
        // chapter's file name (`ChapterProgram/x.md:60: Fatal error: …`).
        let location = line[..<start]
        let fileName = chapterPath.split(separator: "/").last.map(String.init) ?? chapterPath
        chapterLine = nil
        for prefix in [chapterPath + ":", "ChapterProgram/\(fileName):"] where location.hasPrefix(prefix) {
            chapterLine = Int(location.dropFirst(prefix.count).prefix { $0.isNumber })
        }
        let before = lines[..<trapLine].joined(separator: "\n")
        printed = before.isEmpty ? "" : before + "\n"
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case 4: return " (SIGILL: a Swift runtime trap)"
        case 5: return " (SIGTRAP: a Swift runtime trap)"
        case 6: return " (SIGABRT)"
        case 8: return " (SIGFPE)"
        case 11: return " (SIGSEGV: a bad memory access)"
        case 9: return " (SIGKILL)"
        default: return ""
        }
    }
}
