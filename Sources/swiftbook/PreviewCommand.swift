import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Literate

/// `swiftbook preview`: serve the book, re-run and reload on every save.
///
/// The work is `PreviewSession` in Literate; this command parses arguments, prints where the
/// book is served, and waits for Ctrl-C or SIGTERM (`Interrupts` stops the chapter programs
/// and removes their temporary files).
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the chapters as a site; re-run and reload the page on every save.",
        discussion: """
        Serves the rendered book at http://127.0.0.1:PORT/ (loopback only unless --host says otherwise) \
        and watches the chapters, their ORDER file and the engine build. A save re-runs the cells that \
        changed (cached results make the rest free), re-renders and reloads the browser tabs showing the \
        changed pages. Fresh outputs are shown in the page, not written into the chapter, unless --write. \
        A failing cell is shown at the cell with its message and line. Stop with Ctrl-C.
        """
    )

    @Argument(help: "Markdown chapters or folders of them.")
    var paths: [String] = ["Chapters"]

    @Option(help: "The port to serve on.")
    var port: Int = 8000

    @Option(help: ArgumentHelp("The address to listen on; anything but loopback shows the book to your network.", valueName: "address"))
    var host = "127.0.0.1"

    @Flag(help: "Open the book in the default browser.")
    var open = false

    @Flag(help: "Write fresh outputs into the chapters, as `swiftbook run` does.")
    var write = false

    @Option(help: "Chapters run at the same time (default: the number of cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Time limit per chapter in seconds (default: the chapter's timeout=, else 60).", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("The engine build folder; also SWIFTBOOK_ENGINE.", valueName: "dir"))
    var engine: String?

    @Option(name: .customLong("cache-dir"), help: ArgumentHelp("Where results are cached (default .build/swiftbook-cache).", valueName: "dir"))
    var cacheDirectory: String?

    @Flag(name: .customLong("allow-html"), help: "Pass raw HTML in chapters through instead of showing it as text.")
    var allowHTML = false

    @Option(help: "The site's name, shown in page headers and as the index heading.")
    var title = "swiftbook"

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535, got \(port)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)") }
    }

    func run() throws {
        Interrupts.install()
        let options = PreviewOptions(paths: paths, host: host, port: port, write: write, engine: engine,
                                     cacheDirectory: cacheDirectory, timeout: timeout, jobs: jobs,
                                     allowRawHTML: allowHTML, siteTitle: title)
        let log: @Sendable (String) -> Void = { Console.message($0) }
        let session: PreviewSession
        do {
            session = try PreviewSession(options: options, log: log)
        } catch {
            throw Console.fail(error)
        }
        session.start()
        log("swiftbook preview: serving \(session.url) (Ctrl-C to stop)\n")
        if open { openInBrowser(session.url, log: log) }
        while true { pause() }
    }

    private func openInBrowser(_ url: String, log: @Sendable (String) -> Void) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        process.arguments = [url]
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        #endif
        do { try process.run() } catch { log("swiftbook preview: could not open a browser (\(error)); open \(url) yourself\n") }
    }
}
