import Foundation

/// A unified diff of two outputs, line by line, as `diff -u` prints it: `---`/`+++` labels,
/// `@@ -start,count +start,count @@` hunks with 3 lines of context. Empty when the lines are equal.
///
/// Lines come from splitting at `\n` (a final line break does not add an empty line); the edit
/// script is a shortest one, from the standard library's `difference(from:)`.
func unifiedDiff(recorded: String, actual: String,
                        recordedLabel: String = "recorded", actualLabel: String = "actual") -> String {
    let old = diffLines(recorded)
    let new = diffLines(actual)
    let script = shortestEditScript(old, new)
    guard script.contains(where: { $0.kind != .same }) else { return "" }
    var text = "--- \(recordedLabel)\n+++ \(actualLabel)\n"
    for hunk in hunks(of: script, context: 3) {
        let edits = script[hunk]
        let oldCount = edits.filter { $0.kind != .inserted }.count
        let newCount = edits.filter { $0.kind != .deleted }.count
        let first = edits.first!
        // As diff -u: an empty side's start is the line before the hunk.
        let oldStart = oldCount == 0 ? first.oldLine : first.oldLine + 1
        let newStart = newCount == 0 ? first.newLine : first.newLine + 1
        text += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
        for edit in edits {
            switch edit.kind {
            case .same: text += " " + old[edit.oldLine] + "\n"
            case .deleted: text += "-" + old[edit.oldLine] + "\n"
            case .inserted: text += "+" + new[edit.newLine] + "\n"
            }
        }
    }
    return text
}

private func range(_ start: Int, _ count: Int) -> String {
    count == 1 ? "\(start)" : "\(start),\(count)"
}

private func diffLines(_ text: String) -> [String] {
    var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
}

/// One step of an edit script; `oldLine`/`newLine` are the 0-based positions in each side
/// at this step (the line itself for `same`/`deleted` and `same`/`inserted`).
struct LineEdit: Equatable {
    enum Kind { case same, deleted, inserted }
    var kind: Kind
    var oldLine: Int
    var newLine: Int
}

/// A shortest edit script turning `a` into `b`: the standard library's difference (a shortest
/// one), walked in order with deletions before insertions at the same place, as `diff -u` does.
func shortestEditScript(_ a: [String], _ b: [String]) -> [LineEdit] {
    var removed = Set<Int>(), inserted = Set<Int>()
    for change in b.difference(from: a) {
        switch change {
        case .remove(let offset, _, _): removed.insert(offset)
        case .insert(let offset, _, _): inserted.insert(offset)
        }
    }
    var edits: [LineEdit] = []
    var x = 0, y = 0
    while x < a.count || y < b.count {
        if x < a.count, removed.contains(x) {
            edits.append(LineEdit(kind: .deleted, oldLine: x, newLine: y))
            x += 1
        } else if y < b.count, inserted.contains(y) {
            edits.append(LineEdit(kind: .inserted, oldLine: x, newLine: y))
            y += 1
        } else {
            edits.append(LineEdit(kind: .same, oldLine: x, newLine: y))
            x += 1
            y += 1
        }
    }
    return edits
}

/// Ranges of the script to print: each change with up to `context` unchanged lines around it,
/// hunks whose context would touch merged into one.
private func hunks(of script: [LineEdit], context: Int) -> [Range<Int>] {
    var result: [Range<Int>] = []
    for (index, edit) in script.enumerated() where edit.kind != .same {
        let lower = max(0, index - context), upper = min(script.count, index + context + 1)
        if let last = result.last, lower <= last.upperBound {
            result[result.count - 1] = last.lowerBound..<max(last.upperBound, upper)
        } else {
            result.append(lower..<upper)
        }
    }
    return result
}
