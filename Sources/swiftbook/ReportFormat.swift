import ArgumentParser

/// The form of the report on standard output (`--format`).
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    /// Nothing but GitHub annotations, when running there; the human text is on standard error.
    case text
    /// The whole run as one JSON document (`BookReport`).
    case json
}
