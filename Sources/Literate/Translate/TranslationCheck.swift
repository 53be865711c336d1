import Foundation

/// What `run` and `check` do for translations, after the chapters themselves have run: every
/// translation among the chapters is held to its source (`TranslationParity`) and to the version
/// of the source it records (`TranslationDrift`). `run` records that version in a translation
/// that has none yet, when parity holds.
enum TranslationCheck {
    /// The outcome for the chapters of one `run` or `check`.
    struct Result {
        /// Problems, each printable as `path:line:column: error: ...` (with a diff under it).
        var problems: [TranslationProblem] = []
        /// Translations into which `run` wrote a `source=` record.
        var recorded: [String] = []
    }

    /// Checks the translations among `files` (as read from disk now, so after `run` wrote the
    /// outputs). With `record`, a translation without a record gets one when it keeps parity.
    static func verify(files: [String], record: Bool) -> Result {
        var result = Result()
        for path in files {
            guard let (sourcePath, _) = TranslationLayout.source(ofTranslation: path),
                  let translation = try? Chapter.load(path: path) else { continue }
            let source: Chapter
            do {
                source = try Chapter.load(path: sourcePath)
            } catch {
                result.problems.append(TranslationProblem(path: path, line: 1, column: 1,
                    message: "cannot read its source: \(error)"))
                continue
            }
            let drift = TranslationDrift(translation: translation, source: source)
            let parity = TranslationParity(translation: translation, source: source, pairs: drift.pairs).problems
            // The source's change first: it explains the parity problems that follow from it.
            defer { result.problems += parity }
            if record, drift.state == .unrecorded, translation.settings.source == nil, parity.isEmpty {
                do {
                    try writeRecord(SourceRecord(of: source), into: translation)
                    result.recorded.append(path)
                } catch {
                    result.problems.append(TranslationProblem(path: path, line: 1, column: 1,
                        message: "cannot record the source's version: \(error)"))
                }
                continue
            }
            result.problems += drift.problems
        }
        return result
    }

    /// Adds `<!-- swiftbook: source=... -->` as the translation's last line, never touching
    /// another byte (and never writing over an edit made meanwhile; see `ChapterWriter`).
    static func writeRecord(_ record: SourceRecord, into translation: Chapter) throws {
        var bytes = translation.bytes
        let newline: [UInt8] = bytes.contains(UInt8(ascii: "\r")) && !bytes.contains(UInt8(ascii: "\n")) ? [13] : [10]
        if let last = bytes.last, last != 10, last != 13 { bytes += newline }
        bytes += newline + Array(record.comment.utf8) + newline
        _ = try ChapterWriter.write(bytes, madeFrom: translation.bytes, to: translation.path, rebase: { _ in nil })
    }
}
