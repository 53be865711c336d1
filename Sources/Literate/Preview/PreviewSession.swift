import Foundation

/// What `swiftbook preview` was asked to do.
public struct PreviewOptions: Sendable {
    /// Chapter files or folders of them.
    var paths: [String]
    /// The address to listen on (`127.0.0.1` unless `--host`).
    var host: String
    /// The port to listen on; 0 takes any free one (the tests do).
    var port: Int
    /// Write fresh outputs into the chapters, as `swiftbook run` does.
    var write: Bool
    /// The engine build folder (`--engine`); nil searches as `run` does.
    var engine: String?
    /// The result cache (`--cache-dir`); nil uses `.build/swiftbook-cache`.
    var cacheDirectory: String?
    /// Overrides every chapter's `timeout=` (seconds).
    var timeout: Double?
    /// Bytes of output kept per cell.
    var maxOutput: Int
    /// Chapters run at the same time when several changed at once.
    var jobs: Int
    /// Pass raw HTML in chapters through (`--allow-html`).
    var allowRawHTML: Bool
    /// The site's name (`--title`).
    var siteTitle: String
    /// How often the chapters are looked at, in seconds.
    var pollInterval: Double

    /// Options with `preview`'s defaults: `Chapters`, 127.0.0.1:8000, outputs not written.
    public init(paths: [String] = [], host: String = "127.0.0.1", port: Int = 8000, write: Bool = false,
                engine: String? = nil, cacheDirectory: String? = nil, timeout: Double? = nil, maxOutput: Int = 65536,
                jobs: Int? = nil, allowRawHTML: Bool = false, siteTitle: String = "swiftbook", pollInterval: Double = 0.1) {
        self.paths = paths.isEmpty ? ["Chapters"] : paths
        self.host = host
        self.port = port
        self.write = write
        self.engine = engine
        self.cacheDirectory = cacheDirectory
        self.timeout = timeout
        self.maxOutput = maxOutput
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        self.allowRawHTML = allowRawHTML
        self.siteTitle = siteTitle
        self.pollInterval = pollInterval
    }
}

/// `swiftbook preview` as a library: serves the book from memory, watches the chapters, their
/// `ORDER` files and the engine build, re-runs what changed and reloads the tabs showing it.
///
/// One thread watches and rebuilds, so a chapter is never run twice at once, and saves that come
/// while it runs are taken together in the next round. The pages being served are swapped only
/// when a round is done, so readers see the last good page meanwhile.
public final class PreviewSession: @unchecked Sendable {
    /// What the session was started with.
    let options: PreviewOptions
    /// Where the book is served, `http://127.0.0.1:8000/`.
    public var url: String { "http://\(server.host.contains(":") ? "[\(server.host)]" : server.host):\(server.port)/" }
    /// The tabs listening for reloads.
    let hub: EventHub

    private let server: HTTPServer
    private let runner: PreviewChapterRunner
    private let builder: PreviewSiteBuilder
    private let log: @Sendable (String) -> Void
    private let siteBox: SiteBox
    private var results: [String: PreviewChapterResult] = [:]
    private var watcher = FileWatcher()
    private var order: [String] = []

    /// Finds the chapters and the engine and binds the port; nothing is served before `start()`.
    ///
    /// Throws `PreviewError.portInUse` for a taken port, a `RenderFailure` for missing chapters,
    /// and `ExecutionError` when no engine build is found.
    public init(options: PreviewOptions, log: @escaping @Sendable (String) -> Void) throws {
        self.options = options
        self.log = log
        let files = try ChapterOrder.chapterFiles(for: options.paths)
        guard let first = files.first else {
            throw RenderFailure(errors: [RenderError(path: options.paths.joined(separator: " "), "no chapters (.md files) to preview")])
        }
        runner = try PreviewChapterRunner(engine: options.engine, cacheDirectory: options.cacheDirectory, timeout: options.timeout,
                                          maxOutput: options.maxOutput, near: first.path)
        builder = PreviewSiteBuilder(renderer: SiteRenderer(allowRawHTML: options.allowRawHTML, siteTitle: options.siteTitle))
        let hub = EventHub(), box = SiteBox()
        self.hub = hub
        siteBox = box
        server = try HTTPServer(host: options.host, port: options.port) { target in
            PreviewSession.answer(target, site: box.site, hub: hub)
        }
    }

    /// Runs and renders every chapter, starts serving, and starts watching.
    public func start() {
        _ = watcher.changes(among: watchedPaths())
        _ = rebuild(changed: Set(watchedPaths()), everything: true)
        server.start()
        let thread = Thread { [self] in watch() }
        thread.name = "preview-watch"
        thread.start()
    }

    /// The current pages (for tests).
    var currentSite: PreviewSite { siteBox.site }

    /// Looks for changes whenever a save in a watched folder wakes it (and at least every poll
    /// interval), and rebuilds once a burst of saves is complete.
    private func watch() {
        let signal = SaveSignal(folders: watchedFolders())
        while !Interrupts.isInterrupted {
            signal.wait(seconds: options.pollInterval)
            var changed = watcher.changes(among: watchedPaths())
            guard !changed.isEmpty else { signal.forgetCompletions(); continue }
            // The events of what this look saw were queued by the writer's own system calls:
            // read them before judging whether the save is finished.
            signal.wait(seconds: 0.002)
            // Editors write a file in several steps (truncate, write, rename). Unless the events
            // say every write is finished, wait until a short look finds nothing new, so one
            // save is one round.
            var looks = 0
            while !signal.savesAreComplete && looks < 20 {
                looks += 1
                let woken = signal.wait(seconds: 0.03)
                let more = watcher.changes(among: watchedPaths())
                changed.formUnion(more)
                if more.isEmpty && !woken { break }
            }
            // One more look, so the stamps kept are those of the finished files (the first look
            // may have caught a file between its truncation and its write).
            changed.formUnion(watcher.changes(among: watchedPaths()))
            signal.forgetCompletions()
            _ = rebuild(changed: changed, everything: changed.contains(runner.engineLibrary))
        }
    }

    /// The folders holding the watched files, for `SaveSignal`.
    private func watchedFolders() -> [String] {
        var folders: [String] = []
        for path in watchedPaths() {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if !folders.contains(folder) { folders.append(folder) }
        }
        return folders
    }

    /// Every file whose change matters: the chapters, the `ORDER` files of the chapter folders, the engine library.
    private func watchedPaths() -> [String] {
        var paths: [String] = []
        for path in options.paths {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                let folder = URL(fileURLWithPath: path)
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                paths += names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
                    .map { ChapterOrder.displayPath(folder.appendingPathComponent($0)) }
                paths.append(ChapterOrder.displayPath(folder.appendingPathComponent(ChapterOrder.orderFileName)))
            } else {
                paths.append(ChapterOrder.displayPath(URL(fileURLWithPath: path)))
            }
        }
        return paths + [runner.engineLibrary]
    }

    /// Re-runs the chapters among `changed` (all of them for `everything`), renders the book,
    /// swaps the served pages and reloads the tabs of the pages that changed; returns those pages.
    @discardableResult
    func rebuild(changed: Set<String>, everything: Bool) -> Set<String> {
        let started = Date()
        var bookProblems: [String] = []
        if let files = try? ChapterOrder.chapterFiles(for: options.paths) {
            order = files.map(ChapterOrder.displayPath)
        } else {
            do { _ = try ChapterOrder.chapterFiles(for: options.paths) } catch { bookProblems.append(String(describing: error)) }
        }
        let stale = order.filter { everything || changed.contains($0) || results[$0] == nil }
        let runner = self.runner, write = options.write
        let fresh = parallelMap(stale, jobs: options.jobs) { path in runner.run(path: path, write: write) }
        guard !Interrupts.isInterrupted else { return [] }
        for result in fresh {
            // A save that does not parse keeps the page of the last one that did, with the problem on top.
            if result.shown == result.saved, !result.problems.isEmpty, var previous = results[result.path] {
                previous.problems = result.problems
                results[result.path] = previous
            } else {
                results[result.path] = result
            }
        }
        let next = builder.build(order.compactMap { results[$0] }, problems: bookProblems)
        let pages = next.changedNames(since: siteBox.site)
        siteBox.site = next
        hub.reload(pages: pages)
        let failures = fresh.reduce(0) { $0 + $1.failures.count }
        let problems = fresh.reduce(0) { $0 + $1.problems.count }
        if !stale.isEmpty || !pages.isEmpty {
            log("swiftbook preview: ran \(stale.count) chapter\(stale.count == 1 ? "" : "s") in "
                + String(format: "%.2f s", Date().timeIntervalSince(started))
                + (failures + problems > 0 ? " (\(failures) failing cell\(failures == 1 ? "" : "s"), \(problems) problem\(problems == 1 ? "" : "s"))" : "")
                + (pages.isEmpty ? "; no page changed" : "; updated \(pages.sorted().joined(separator: ", "))") + "\n")
        }
        return pages
    }

    /// The answer to a request for `target`.
    static func answer(_ target: String, site: PreviewSite, hub: EventHub) -> HTTPServer.Reply {
        if target == ReloadScript.eventsPath || target.hasPrefix(ReloadScript.eventsPath + "?") {
            return .eventStream(hub, page: SitePath.query("page", in: target) ?? "index.html")
        }
        let notFound = HTTPServer.Reply.response(status: 404, contentType: "text/plain; charset=utf-8",
                                                 body: Array("not found\n".utf8))
        guard let name = SitePath.resolve(target) else { return notFound }
        if let bytes = site.files[name] { return .response(status: 200, contentType: contentType(of: name), body: bytes) }
        if let file = site.assets[name], let data = try? Data(contentsOf: file) {
            return .response(status: 200, contentType: contentType(of: name), body: Array(data))
        }
        return notFound
    }

    static func contentType(of name: String) -> String {
        let types = ["html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
                     "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
                     "webp": "image/webp", "json": "application/json", "txt": "text/plain; charset=utf-8"]
        return types[(name.split(separator: ".").last.map { $0.lowercased() }) ?? ""] ?? "application/octet-stream"
    }
}

/// The pages being served, swapped whole under a lock.
private final class SiteBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = PreviewSite()
    var site: PreviewSite {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}
