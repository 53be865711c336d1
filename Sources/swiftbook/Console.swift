import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Literate

/// Where every command prints, and the decisions about how: messages, diagnostics and other
/// human text go to standard error; results meant for programs (the JSON report, GitHub
/// annotations, `status` lines) go to standard output.
///
/// Every error of every command reaches the user through `report(_:)`, which writes its
/// diagnostics with the one formatter (`Diagnostic.description`).
enum Console {
    /// Writes `text` to standard error as it is.
    static func message(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes `text` to standard output as it is.
    static func output(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes diagnostics to standard error, one after another.
    static func report(_ diagnostics: [Diagnostic]) {
        message(diagnostics.map(\.line).joined())
    }

    /// Writes an error's diagnostics to standard error.
    static func report(_ error: any Error) {
        report(Diagnostic.all(from: error))
    }

    /// Reports `error` and ends the command with `status` (by default 2, bad usage or input).
    static func fail(_ error: any Error, status: Int32 = RunnerExit.usage) -> ExitCode {
        report(error)
        return ExitCode(status)
    }

    /// Whether standard error is a terminal (progress lines are shown there without `--verbose`).
    static var errorIsTerminal: Bool { isatty(2) == 1 }

    /// Whether to add GitHub Actions annotations (`::error file=…`): when running there.
    static var githubAnnotations: Bool { ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] != nil }
}
