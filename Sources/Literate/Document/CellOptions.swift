/// What the words after `swift` in a cell's info string ask for.
///
/// ````
/// ```swift no-run            shown, never run
/// ```swift fails             expected to fail (to compile or at run time); the error is its output
/// ```swift hidden            run, but left out of the HTML with its output
/// ```swift unchecked         output recorded but never compared (timings, addresses)
/// ```swift rtol=1e-3 atol=0  numeric tolerance for checking this cell's output
/// ```swift tags=slow,gpu     tags for --skip-tags and --only-tags (see `Tags`)
/// ````
struct CellOptions: Hashable, Sendable {
    /// The cell is compiled and run (false for `no-run`).
    var runs: Bool
    /// The cell must fail to compile or trap; its error message is its output (`fails`).
    var expectsFailure: Bool
    /// The cell and its output are left out of the rendered HTML (`hidden`).
    var hidden: Bool
    /// The recorded output is compared by `check` (false for `unchecked`).
    var compared: Bool
    /// How far numbers in the output may drift (`rtol=`, `atol=`; default `Tolerance.standard`).
    var tolerance: Tolerance
    /// The cell's own tags (`tags=slow,gpu`); its chapter's tags apply too.
    var tags: [String]

    init(runs: Bool = true, expectsFailure: Bool = false, hidden: Bool = false,
                compared: Bool = true, tolerance: Tolerance = .standard, tags: [String] = []) {
        self.tags = tags
        self.runs = runs
        self.expectsFailure = expectsFailure
        self.hidden = hidden
        self.compared = compared
        self.tolerance = tolerance
    }

    /// The options of a plain `swift` cell.
    static let standard = CellOptions()

    /// The words a cell's info string may hold after `swift`, for error messages.
    static let validSpellings = "no-run, fails, hidden, unchecked, rtol=<number>, atol=<number>, tags=<tag>,<tag>"

    /// Reads the options from a cell's info string (`swift no-run`, `swift rtol=1e-3`, ...).
    ///
    /// - Parameters:
    ///   - infoString: the whole info string; its first word must be `swift`.
    ///   - location: where the info string's first word starts, for errors; a bad word's column
    ///     is found from there.
    /// - Throws: `ChapterError` for an unknown word, a bad number, a repeated option, or a
    ///   combination that cannot hold (`no-run` with `fails`, `no-run` with `unchecked` or a tolerance).
    init(infoString: String, location: SourceLocation) throws {
        try self.init(infoString: infoString, location: location, rawOffset: { $0 })
    }

    /// As `init(infoString:location:)`, with `rawOffset` telling where a byte of the (decoded)
    /// info string was written on the line, counted from the info string's start, so a word
    /// written with an entity (`swif&#116; bogus`) is reported at its own column.
    init(infoString: String, location: SourceLocation, rawOffset: (Int) -> Int) throws {
        self.init()
        var seen: Set<String> = []
        for (word, offset) in Self.words(of: infoString).dropFirst() {
            let here = SourceLocation(path: location.path, line: location.line, column: location.column + rawOffset(offset))
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            guard seen.insert(name).inserted else {
                throw ChapterError(location: here, message: "cell option '\(name)' is given twice; keep one")
            }
            switch word {
            case "no-run": runs = false
            case "fails": expectsFailure = true
            case "hidden": hidden = true
            case "unchecked": compared = false
            default:
                if name == "tags", word.contains("=") {
                    guard let list = Tags.parse(word.dropFirst(name.count + 1)) else {
                        throw ChapterError(location: here, message: "cell option " + Tags.problem(word))
                    }
                    tags = list
                } else if name == "rtol" || name == "atol", word.contains("=") {
                    let text = String(word.dropFirst(name.count + 1))
                    guard let value = Double(text), value.isFinite, value >= 0 else {
                        throw ChapterError(location: here, message:
                            "cell option '\(word)' needs a finite number >= 0, as in \(name)=1e-3")
                    }
                    if name == "rtol" { tolerance.relative = value } else { tolerance.absolute = value }
                } else {
                    throw ChapterError(location: here, message:
                        "unknown cell option '\(word)'; the words after 'swift' may be: \(Self.validSpellings)")
                }
            }
        }
        if !runs {
            let conflicting = ["fails", "unchecked", "rtol", "atol", "tags"].filter(seen.contains)
            if let first = conflicting.first {
                throw ChapterError(location: location, message:
                    "cell option 'no-run' cannot go with '\(first)': a cell that never runs has no output "
                    + "to fail, check or compare, nor anything to skip; remove one of them")
            }
        }
    }

    /// The whitespace-separated words of `text` with their UTF-8 byte offsets.
    static func words(of text: String) -> [(word: String, offset: Int)] {
        var result: [(String, Int)] = []
        var current: [UInt8] = []
        var start = 0
        for (offset, byte) in text.utf8.enumerated() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                if !current.isEmpty { result.append((String(decoding: current, as: UTF8.self), start)) }
                current = []
            } else {
                if current.isEmpty { start = offset }
                current.append(byte)
            }
        }
        if !current.isEmpty { result.append((String(decoding: current, as: UTF8.self), start)) }
        return result
    }
}
