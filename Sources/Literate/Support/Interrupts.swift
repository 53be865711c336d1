import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `swiftbook` does on Ctrl-C or `kill`: stop every chapter program and compiler it started,
/// delete its temporary files (a chapter being written is only ever replaced by one atomic
/// `rename`, so it stays whole), and exit with 128 + the signal number.
///
/// The handler runs on its own thread while the chapters' threads carry on for a moment: they
/// see their program killed, so `isInterrupted` is set first, and a chapter is not written and
/// no report is printed once it is.
public enum Interrupts {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let flag = InterruptFlag()

    /// Whether a signal asked the runner to stop.
    static var isInterrupted: Bool { flag.value }

    /// Installs the handlers; call once at start.
    public static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                flag.set()
                ChildRegistry.shared.killAll()
                // A killed linker may still be finishing its last write; give the kernel a moment
                // before the work folders go, so nothing is recreated behind the cleanup.
                usleep(100_000)
                CleanupRegistry.shared.removeAll()
                let message = "swiftbook: interrupted; stopped the running chapters, no chapter was left half-written\n"
                _ = message.withCString { write(2, $0, strlen($0)) }
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Blocks forever once interrupted, so the handler, not the finishing main thread, decides
    /// the exit status.
    static func parkIfInterrupted() {
        while isInterrupted { pause() }
    }
}

private final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var isSet = false
    var value: Bool {
        lock.lock()
        defer { lock.unlock() }
        return isSet
    }
    func set() {
        lock.lock()
        isSet = true
        lock.unlock()
    }
}
