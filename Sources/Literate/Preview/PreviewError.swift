import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why `swiftbook preview` could not start, each with what to do about it.
enum PreviewError: DiagnosticConvertible, Equatable {
    /// Another program listens on the port (or it needs privileges).
    case portInUse(host: String, port: Int, code: Int32)
    /// The host name does not resolve to an address to listen on.
    case badHost(String)
    /// A socket call failed.
    case socket(String, Int32)

    /// What went wrong and what to do, without a severity or location.
    var message: String {
        switch self {
        case let .portInUse(host, port, code):
            let why = code == EACCES ? "needs privileges" : "is already in use"
            return "cannot serve on \(host):\(port): port \(port) \(why); choose another with --port, e.g. --port \(port < 65535 ? port + 1 : 8000)"
        case let .badHost(host):
            return "cannot listen on host '\(host)'; give an address of this machine, e.g. --host 127.0.0.1"
        case let .socket(call, code):
            return "\(call) failed: \(String(cString: strerror(code)))"
        }
    }

    var diagnostics: [Diagnostic] { [Diagnostic(.error, message)] }
}
