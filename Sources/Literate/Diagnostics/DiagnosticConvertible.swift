/// An error that knows how to tell the user about itself: as one or more `Diagnostic`s.
///
/// Every error type of `Literate` conforms, and its `description` is the diagnostics' text, so
/// an error reads the same wherever it is printed. The command line prints any error through
/// `Diagnostic.all(from:)`.
protocol DiagnosticConvertible: Error, CustomStringConvertible {
    /// The diagnostics this error stands for (usually one).
    var diagnostics: [Diagnostic] { get }
}

extension DiagnosticConvertible {
    /// The diagnostics' text, one after another.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Several diagnostics reported together, such as every missing path of a command line or every
/// mistake of an `ORDER` file: nothing was done, and all of them are shown at once.
struct DiagnosticList: DiagnosticConvertible, Sendable {
    var diagnostics: [Diagnostic]

    init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}

extension Diagnostic: DiagnosticConvertible {
    var diagnostics: [Diagnostic] { [self] }
}

extension Diagnostic {
    /// The diagnostics of any error: its own for a `DiagnosticConvertible`, else one error
    /// without a location whose message is the error's description.
    public static func all(from error: any Error) -> [Diagnostic] {
        if let convertible = error as? any DiagnosticConvertible { return convertible.diagnostics }
        return [Diagnostic(.error, String(describing: error))]
    }

    /// An error's messages alone, without severity or location, for a diagnostic that places
    /// them elsewhere (a pandoc failure at the book's first formula, a write failure at its chapter).
    static func messages(of error: any Error) -> String {
        all(from: error).map(\.message).joined(separator: "\n")
    }
}
