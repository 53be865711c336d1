import Foundation

/// A TeX formula to typeset: the TeX between the dollar signs and whether it is display math.
struct Formula: Hashable, Sendable {
    /// The TeX as written between the dollar signs.
    var tex: String
    /// True for `$$...$$`.
    var isDisplay: Bool

    /// The formula `tex`, display math when `isDisplay`.
    init(tex: String, isDisplay: Bool) {
        self.tex = tex
        self.isDisplay = isDisplay
    }
}

/// Typesets TeX as MathML at build time with pandoc (Debian package `pandoc`), so pages need no
/// script to show math.
///
/// Every formula of a book goes through one pandoc process: the formulas are written as one
/// pandoc document in its `native` format (one `Math` element per block, blocks separated by a
/// marker character), converted with `--mathml`, and the output cut at the markers. Pandoc keeps
/// going past a formula it cannot read, printing it as TeX and a warning; those formulas are
/// returned as failures with pandoc's reason, in the order pandoc warned about them.
public struct MathTypesetter: Sendable {
    /// What came back: MathML for each formula pandoc read, a reason for each it rejected.
    struct Result: Sendable {
        /// The `<math>` element of each typeset formula.
        var mathML: [Formula: String] = [:]
        /// Pandoc's reason for each formula it could not read.
        var failures: [Formula: String] = [:]
    }

    /// Why no formula could be typeset at all (pandoc missing or failing as a whole). The
    /// renderer places it at the book's first formula.
    struct Unavailable: DiagnosticConvertible, Sendable {
        /// What went wrong and what to install or do.
        var message: String

        var diagnostics: [Diagnostic] { [Diagnostic(.error, message)] }
    }

    /// The pandoc executable: a path, or a name looked up in `PATH`.
    var pandoc: String

    /// A typesetter running `pandoc` (found in `PATH` unless a path is given).
    public init(pandoc: String = "pandoc") {
        self.pandoc = pandoc
    }

    /// Separates the formulas in pandoc's input and output (a private-use character, which TeX
    /// and MathML never produce).
    static let marker: Unicode.Scalar = "\u{E002}"

    /// Typesets `formulas` (duplicates are typeset once) in a single pandoc run.
    func typeset(_ formulas: [Formula]) throws -> Result {
        var unique: [Formula] = []
        var seen = Set<Formula>()
        for formula in formulas where seen.insert(formula).inserted { unique.append(formula) }
        guard !unique.isEmpty else { return Result() }
        guard let executable = Self.locate(pandoc) else {
            throw Unavailable(message: "pandoc is not installed, and swiftbook render typesets math "
                + "with it; install the Debian package with 'apt-get install pandoc' (or run Scripts/setup-system)")
        }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-math-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("formulas.native")
        let output = folder.appendingPathComponent("formulas.html")
        let log = folder.appendingPathComponent("pandoc.log")
        try Data(Self.nativeDocument(unique).utf8).write(to: input)
        FileManager.default.createFile(atPath: log.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--from", "native", "--to", "html", "--mathml", "--output", output.path, input.path]
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let warnings = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0, let html = try? String(contentsOf: output, encoding: .utf8) else {
            throw Unavailable(message: "pandoc failed (exit status \(process.terminationStatus)) while typesetting math: \(warnings)")
        }

        let pieces = html.unicodeScalars.split(separator: Self.marker, omittingEmptySubsequences: false).map { String($0) }
        guard pieces.count == unique.count else {
            throw Unavailable(message: "pandoc returned \(pieces.count) formulas for \(unique.count); is '\(executable)' pandoc 2.11 or later?")
        }
        var reasons = Self.reasons(fromWarnings: warnings)[...]
        var result = Result()
        for (formula, piece) in zip(unique, pieces) {
            if let math = Self.mathElement(in: piece) {
                result.mathML[formula] = math
            } else {
                result.failures[formula] = reasons.popFirst() ?? "pandoc cannot read it"
            }
        }
        return result
    }

    /// The pandoc `native` document: `[Plain [Math InlineMath "..."], Plain [Str "<marker>"], ...]`.
    static func nativeDocument(_ formulas: [Formula]) -> String {
        let blocks = formulas.map { formula in
            "Plain [Math \(formula.isDisplay ? "DisplayMath" : "InlineMath") \(haskellString(formula.tex))]"
        }
        let separator = "\n, Plain [Str \(haskellString(String(Character(marker))))]\n, "
        return "[ " + blocks.joined(separator: separator) + "\n]\n"
    }

    /// A Haskell string literal, as pandoc's `native` reader reads it: ASCII printable characters
    /// as themselves, everything else as a decimal escape (`\955\&`). A NUL becomes U+FFFD, as
    /// cmark reads it.
    static func haskellString(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": literal += "\\\\"
            case "\"": literal += "\\\""
            case "\0": literal += "\\65533\\&"
            case " "..."~": literal.unicodeScalars.append(scalar)
            default: literal += "\\\(scalar.value)\\&"
            }
        }
        return literal + "\""
    }

    /// The `<math>...</math>` element in one formula's output, without the namespace attribute
    /// (HTML does not need it), or nil when pandoc fell back to TeX.
    static func mathElement(in piece: String) -> String? {
        guard let start = piece.range(of: "<math"), let end = piece.range(of: "</math>", options: .backwards),
              start.lowerBound < end.lowerBound else { return nil }
        return String(piece[start.lowerBound..<end.upperBound])
            .replacingOccurrences(of: " xmlns=\"http://www.w3.org/1998/Math/MathML\"", with: "")
    }

    /// Pandoc's reasons, one per rejected formula in document order, taken from warnings like
    /// `[WARNING] Could not convert TeX math \foo{x}, rendering as TeX:` followed by the formula,
    /// a caret line and the parser's message.
    static func reasons(fromWarnings log: String) -> [String] {
        var reasons: [String] = []
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index].hasPrefix("[WARNING] Could not convert TeX math") else { continue }
            var body: [String] = []
            var next = index + 1
            while next < lines.count, lines[next].hasPrefix(" ") {
                body.append(lines[next].trimmingCharacters(in: .whitespaces))
                next += 1
            }
            // After the formula and the caret line comes the message ("unexpected control sequence \foo").
            let caret = body.firstIndex { !$0.isEmpty && $0.allSatisfy { $0 == "^" } }
            let message = caret.flatMap { body.indices.contains($0 + 1) ? body[$0 + 1] : nil } ?? body.last ?? "pandoc cannot read it"
            reasons.append(message)
            index = next - 1
        }
        return reasons
    }

    /// The full path of `program`, looked up in `PATH` unless it contains a `/`.
    static func locate(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
