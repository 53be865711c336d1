#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// How a child process ended.
enum Termination: Sendable, Equatable {
    /// `exit(code)` or a return from `main`.
    case exited(Int32)
    /// Killed by a signal (a Swift trap is `SIGILL` or `SIGTRAP`).
    case signaled(Int32)
    /// Stopped by the runner after the time limit.
    case timedOut
}

/// Runs a program in its own process group with standard output and error joined into one pipe,
/// streams what it writes, and stops the whole group at a time limit.
///
/// Spawned with `posix_spawn` rather than `Process` so the child gets its own process group (one
/// `kill` reaches anything it started) and default signal handlers, and so an interrupted runner
/// can find and stop it through `ChildRegistry`.
enum ChildProcess {
    /// The error when `executable` cannot be started: `error: cannot start swiftc: No such file or directory`.
    static func cannotStart(_ executable: String, _ code: Int32) -> Diagnostic {
        Diagnostic(.error, "cannot start \(executable): \(String(cString: strerror(code)))")
    }

    /// Runs `executable` (searched in `PATH` when it has no slash) and returns how it ended.
    /// - Parameter onOutput: called with each chunk the child writes, in order.
    static func run(_ executable: String, arguments: [String], environment: [String: String]? = nil,
                    timeout: Double? = nil,
                    onOutput: ([UInt8]) -> Void) throws -> Termination {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw cannotStart(executable, errno) }
        let (readEnd, writeEnd) = (fds[0], fds[1])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environmentPairs = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let envp = environmentPairs.map { strdup($0) } + [nil]
        defer { envp.forEach { free($0) } }

        var pid: pid_t = 0
        let status = ChildRegistry.shared.spawning {
            let status = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
            return (status, pid)
        }
        close(writeEnd)
        guard status == 0 else {
            close(readEnd)
            throw cannotStart(executable, status)
        }
        defer { ChildRegistry.shared.finished(pid) }

        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            var waitMilliseconds: Int32 = -1
            if let deadline, !timedOut {
                let left = deadline.timeIntervalSinceNow
                if left <= 0 {
                    timedOut = true
                    kill(-pid, SIGKILL)
                    continue
                }
                waitMilliseconds = Int32(min(left * 1000 + 1, 1_000_000))
            }
            var poller = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, waitMilliseconds)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { continue }
            let count = read(readEnd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            onOutput(Array(buffer[0..<count]))
        }
        close(readEnd)
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
        if timedOut { return .timedOut }
        let signal = waitStatus & 0x7f
        if signal != 0 { return .signaled(signal) }
        return .exited((waitStatus >> 8) & 0xff)
    }

    /// Runs a program to its end and returns everything it wrote, as text.
    static func output(_ executable: String, arguments: [String], environment: [String: String]? = nil) throws
        -> (termination: Termination, text: String) {
        var bytes: [UInt8] = []
        let termination = try run(executable, arguments: arguments, environment: environment) { bytes += $0 }
        return (termination, String(decoding: bytes, as: UTF8.self))
    }
}

/// The process groups of the children running now, so an interrupt can stop them all.
final class ChildRegistry: @unchecked Sendable {
    static let shared = ChildRegistry()
    private let lock = NSLock()
    private var groups: Set<pid_t> = []
    private var stopping = false

    /// Spawns under the lock, so an interrupt either sees the new child or comes before it exists.
    func spawning(_ spawn: () -> (Int32, pid_t)) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        let (status, pid) = spawn()
        if status == 0 {
            groups.insert(pid)
            if stopping { kill(-pid, SIGKILL) }
        }
        return status
    }

    func finished(_ pid: pid_t) {
        lock.lock()
        groups.remove(pid)
        lock.unlock()
    }

    /// Kills every running child's process group and any spawned later.
    func killAll() {
        lock.lock()
        stopping = true
        for group in groups { kill(-group, SIGKILL) }
        lock.unlock()
    }
}
