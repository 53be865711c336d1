/// Why `run` did not write a chapter. Its diagnostic has no location: the chapter's report
/// holds the message and puts the chapter's path in front (`Chapters/x.md: error: ...`), so the
/// path appears once.
enum ChapterWriteError: DiagnosticConvertible, Equatable, Sendable {
    /// The file (the link's target, for a symbolic link) has no write permission for its owner, or
    /// this user may not write it. Refused even for root, who could write it anyway.
    case readOnly(file: String)
    /// The chapter is gone: deleted or moved while its cells ran.
    case vanished
    /// Something other than a regular file is there now (a folder, a device).
    case notAFile(what: String)
    /// The chapter's bytes changed while its cells ran and its cells changed with them, so the
    /// new outputs belong to text that no longer exists.
    case changedOnDisk
    /// The operating system refused a step (creating the temporary file, renaming it).
    case failed(reason: String)

    /// What went wrong and what to do, without a severity or location.
    var message: String {
        switch self {
        case .readOnly(let file):
            return "the chapter is read-only, so its new outputs were not written; make it writable "
                + "(chmod u+w \(file)) or use `swiftbook check` to verify without writing"
        case .vanished:
            return "the chapter was deleted or moved while its cells ran, so its new outputs were not written; "
                + "put it back and run again"
        case .notAFile(let what):
            return "the chapter was replaced by \(what) while its cells ran, so its new outputs were not written; "
                + "put the Markdown file back and run again"
        case .changedOnDisk:
            return "the chapter was edited while its cells ran and its cells changed, so its new outputs were not "
                + "written (your edit is kept as it is); run again"
        case .failed(let reason):
            return "cannot write the chapter: \(reason); check that its folder is writable and has room"
        }
    }

    var diagnostics: [Diagnostic] { [Diagnostic(.error, message)] }
}
