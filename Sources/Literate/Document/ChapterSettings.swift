/// Chapter-wide settings, from an HTML comment at top level:
/// `<!-- swiftbook: seed=42 timeout=60 tags=slow -->`.
struct ChapterSettings: Hashable, Sendable {
    /// The seed each cell's generator is derived from, with the cell's index.
    var seed: UInt64 = 0
    /// Seconds the whole chapter may run before it is stopped; nil uses the runner's default.
    var timeout: Double?
    /// In a translation: the version of its source's cells it was made from (`source=`, per-cell
    /// hashes written by `swiftbook run`; see `SourceRecord`). Nil elsewhere.
    var source: String?
    /// Tags of the whole chapter (`tags=gpu,slow`): every cell carries them (`Tags`).
    var tags: [String]

    init(seed: UInt64 = 0, timeout: Double? = nil, tags: [String] = []) {
        self.seed = seed
        self.timeout = timeout
        self.tags = tags
    }

    /// The keys a settings comment may hold, for error messages.
    static let validSpellings = "seed=<whole number>, timeout=<seconds>, tags=<tag>,<tag>, source=<cell hashes> (translations)"

    /// Reads one settings comment into `self`.
    ///
    /// - Parameters:
    ///   - comment: the HTML block's text, starting at `<!--`.
    ///   - location: where the HTML block starts; a bad word's location is found from the comment.
    ///   - seen: keys set by earlier comments; a key may be set once per chapter.
    /// - Returns: false if the comment is not a swiftbook settings comment (so it is left alone).
    mutating func read(comment: String, location: SourceLocation, seen: inout Set<String>) throws -> Bool {
        guard let body = Self.settingsBody(of: comment) else { return false }
        for word in body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            let here = Self.location(of: word, in: comment, from: location)
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0])
            guard parts.count == 2, key == "seed" || key == "timeout" || key == "tags" || key == "source" else {
                throw ChapterError(location: here, message:
                    "unknown chapter setting '\(word)'; a swiftbook comment may set: \(Self.validSpellings)")
            }
            guard seen.insert(key).inserted else {
                throw ChapterError(location: here, message: "chapter setting '\(key)' is set twice; keep one")
            }
            if key == "tags" {
                guard let list = Tags.parse(parts[1]) else {
                    throw ChapterError(location: here, message: "chapter setting " + Tags.problem(word))
                }
                tags = list
            } else if key == "source" {
                guard !parts[1].isEmpty else {
                    throw ChapterError(location: here, message:
                        "chapter setting 'source=' needs the hashes that swiftbook run records; delete it to record them again")
                }
                source = String(parts[1])
            } else if key == "seed" {
                guard let value = UInt64(parts[1]) else {
                    throw ChapterError(location: here, message:
                        "chapter setting '\(word)' needs a whole number from 0 to \(UInt64.max), as in seed=42")
                }
                seed = value
            } else {
                guard let value = Double(parts[1]), value.isFinite, value > 0 else {
                    throw ChapterError(location: here, message:
                        "chapter setting '\(word)' needs a number of seconds above 0, as in timeout=60")
                }
                timeout = value
            }
        }
        return true
    }

    /// The text between `swiftbook:` and `-->`, if the comment is a settings comment.
    static func settingsBody(of comment: String) -> Substring? {
        var rest = Substring(comment)
        guard rest.hasPrefix("<!--") else { return nil }
        rest = rest.dropFirst(4).drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard rest.hasPrefix("swiftbook:") else { return nil }
        rest = rest.dropFirst("swiftbook:".count)
        guard let end = rest.range(of: "-->") else { return nil }
        return rest[..<end.lowerBound]
    }

    /// Line and column of `word` (a slice of `comment`) in the file, given where `comment` starts.
    static func location(of word: Substring, in comment: String, from start: SourceLocation) -> SourceLocation {
        var line = start.line, column = start.column
        var index = comment.utf8.startIndex
        while index < word.startIndex {
            let byte = comment.utf8[index]
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            index = comment.utf8.index(after: index)
        }
        return SourceLocation(path: start.path, line: line, column: column)
    }
}
