import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium for the browser tests, driven over the Chrome DevTools Protocol.
///
/// Started in its own process group with a private profile folder (`--user-data-dir`) and
/// `--remote-debugging-port=0`; the port it chose is read from `DevToolsActivePort` in that
/// folder. `stop()` kills the whole group (browser, zygote, renderers, GPU and crash-handler
/// processes) and removes the profile; call it in a `defer`.
final class Chromium {
    /// The browser to use: `SWIFTBOOK_CHROMIUM`, else `chromium`, `chromium-browser` or
    /// `google-chrome` from `PATH`; nil when there is none.
    static let executable: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["SWIFTBOOK_CHROMIUM"], !explicit.isEmpty {
            return FileManager.default.isExecutableFile(atPath: explicit) ? explicit : nil
        }
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// `SWIFTBOOK_REQUIRE_BROWSER=1` (Scripts/test sets it): a missing browser fails the browser
    /// tests instead of skipping them.
    static let isRequired = ProcessInfo.processInfo.environment["SWIFTBOOK_REQUIRE_BROWSER"] == "1"

    /// Whether the browser tests run: when there is a browser, or when one is required (then its
    /// absence is their failure).
    static let testsRun = executable != nil || isRequired

    let pid: pid_t
    let profile: URL
    private(set) var devToolsPort = 0

    /// Starts `executable` headless on `about:blank` and waits until DevTools listens.
    init(executable: String, timeout: Double = 60) throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var arguments = ["--headless=new", "--remote-debugging-port=0", "--user-data-dir=\(profile.path)", "--no-first-run",
                         "--no-default-browser-check", "--disable-gpu", "--disable-extensions", "--disable-dev-shm-usage"]
        // As root Chromium refuses to start without this (Tests/Browser/browser-test.sh passes it too).
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        arguments.append("about:blank")
        do {
            pid = try Self.spawn(executable, arguments: arguments, log: profile.appendingPathComponent("chromium.log").path)
        } catch {
            try? FileManager.default.removeItem(at: profile)
            throw error
        }
        let portFile = profile.appendingPathComponent("DevToolsActivePort")
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8),
               let port = text.split(separator: "\n").first.flatMap({ Int($0) }), port > 0 {
                devToolsPort = port
                return
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let log = (try? String(contentsOf: profile.appendingPathComponent("chromium.log"), encoding: .utf8)) ?? ""
                stop()
                throw WebSocketClient.Failure("Chromium exited before DevTools listened:\n\(log.suffix(2000))")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw WebSocketClient.Failure("Chromium wrote no \(portFile.path) within \(Int(timeout)) s")
    }

    /// The DevTools session of the browser's first page (the `about:blank` tab), with the Page
    /// domain enabled (its events are read and skipped).
    func firstPage() throws -> DevToolsPage {
        let deadline = Date().addingTimeInterval(30)
        while true {
            let reply = (try? WebSocketClient.httpGet(port: devToolsPort, path: "/json/list")) ?? ""
            if let targets = try? JSONSerialization.jsonObject(with: Data(reply.utf8)) as? [[String: Any]],
               let page = targets.first(where: { $0["type"] as? String == "page" }),
               let address = page["webSocketDebuggerUrl"] as? String,
               let path = address.range(of: "/devtools/").map({ String(address[$0.lowerBound...]) }) {
                let page = DevToolsPage(socket: try WebSocketClient(port: devToolsPort, path: path))
                // Without the Page domain enabled, `Page.addScriptToEvaluateOnNewDocument` is accepted but never runs.
                try page.call("Page.enable")
                return page
            }
            guard Date() < deadline else { throw WebSocketClient.Failure("DevTools lists no page: \(reply)") }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Kills the browser and every process it started, and removes its profile folder.
    func stop() {
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        // Helpers that left the group still name the profile on their command line.
        let marker = profile.path
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let other = Int32(entry), other != getpid(),
                  let command = try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8),
                  command.contains(marker) else { continue }
            kill(other, SIGKILL)
        }
        try? FileManager.default.removeItem(at: profile)
    }

    /// `posix_spawn` in a new process group, standard input from /dev/null, output to `log`.
    private static func spawn(_ executable: String, arguments: [String], log: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { throw WebSocketClient.Failure("cannot start \(executable): \(String(cString: strerror(status)))") }
        return pid
    }
}

/// One page of the browser, as a DevTools session: commands by id, events skipped.
final class DevToolsPage {
    private let socket: WebSocketClient
    private var nextID = 0

    init(socket: WebSocketClient) {
        self.socket = socket
    }

    /// Sends `method` with `params` and returns the `result` of its answer; a protocol error throws.
    @discardableResult
    func call(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
        nextID += 1
        let request = try JSONSerialization.data(withJSONObject: ["id": nextID, "method": method, "params": params] as [String: Any])
        try socket.send(String(decoding: request, as: UTF8.self))
        while true {
            let text = try socket.receiveText()
            guard let message = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  message["id"] as? Int == nextID else { continue }   // an event, or the answer to an abandoned call
            if let error = message["error"] { throw WebSocketClient.Failure("\(method): \(error)") }
            return message["result"] as? [String: Any] ?? [:]
        }
    }

    /// The value of a JavaScript expression in the page (`Runtime.evaluate`, by value); nil for
    /// `undefined`, `null`, or an exception.
    func evaluate(_ expression: String) throws -> Any? {
        let result = try call("Runtime.evaluate", ["expression": expression, "returnByValue": true])
        if result["exceptionDetails"] != nil { return nil }
        let value = (result["result"] as? [String: Any])?["value"]
        return value is NSNull ? nil : value
    }

    /// Records the page's EventSource objects on every load, before the page's own scripts run;
    /// it only watches. A save made before the preview's reload stream is open would find no tab
    /// to reload, so the browser tests and the latency benchmark wait for it (`reloadStreamOpened`).
    static let eventSourceWatcher = """
        window.__eventSources = [];
        const OriginalEventSource = window.EventSource;
        window.EventSource = function (url) {
          const source = new OriginalEventSource(url);
          window.__eventSources.push(source);
          return source;
        };
        """

    /// Navigates to `url` with the page's EventSource objects recorded (`eventSourceWatcher`).
    func open(_ url: String) throws {
        try call("Page.addScriptToEvaluateOnNewDocument", ["source": Self.eventSourceWatcher])
        try call("Page.navigate", ["url": url])
    }

    /// Waits up to `seconds` until the page's EventSource is open; whether it is.
    func reloadStreamOpened(seconds: Double) throws -> Bool {
        try poll("window.__eventSources.map(s => s.readyState).join()", seconds: seconds) { $0 as? String == "1" } as? String == "1"
    }

    /// Evaluates `expression` until `accept` takes its value or `seconds` pass; the last value.
    /// While the page is being replaced an evaluation can fail ("Execution context was
    /// destroyed"); that counts as no value yet.
    func poll(_ expression: String, seconds: Double, interval: Double = 0.05, until accept: (Any?) -> Bool) throws -> Any? {
        let deadline = Date().addingTimeInterval(seconds)
        var value = try? evaluate(expression)
        while !accept(value) && Date() < deadline {
            Thread.sleep(forTimeInterval: interval)
            value = try? evaluate(expression)
        }
        return value
    }
}
