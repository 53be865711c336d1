import ArgumentParser
import Foundation
import Literate

/// `swiftbook render`: write the chapters as a static HTML site.
///
/// The work is `SiteRenderer` in Literate; this command only parses arguments and reports
/// failures through `Console` with the exit status the failure names (2 unless it says 1).
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the chapters as a static HTML site (index, one page per chapter, style.css).",
        discussion: """
        PATH is a Markdown file or a folder of them. A folder's chapters are read in the order of its \
        ORDER file (one file name per line; blank lines and lines starting with # are ignored; unlisted \
        chapters follow by name), or by file name without one. The site replaces the previous site in \
        DIR; a non-empty DIR that swiftbook did not make (no .swiftbook-site file) is refused. Raw HTML \
        in chapters is shown as text unless --allow-html is given. Exit status: 0 written, 1 a formula \
        pandoc rejects or a broken reference, 2 bad usage or input (messages as path:line:column: error: ...).
        """
    )

    @Argument(help: "Chapter files or folders.")
    var paths: [String] = ["Chapters"]

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write the site into.", valueName: "DIR"))
    var output: String

    @Flag(name: .customLong("allow-html"), help: "Pass raw HTML in chapters through instead of showing it as text.")
    var allowHTML = false

    @Option(help: "The site's name, shown in page headers and as the index heading.")
    var title = "swiftbook"

    func run() throws {
        do {
            let pages = try SiteRenderer(allowRawHTML: allowHTML, siteTitle: title).render(paths: paths, output: output)
            let noun = pages.count == 1 ? "chapter" : "chapters"
            Console.message("Rendered \(pages.count) \(noun) into \(output)/index.html\n")
        } catch {
            throw Console.fail(error, status: (error as? RenderFailure)?.exitStatus ?? RunnerExit.usage)
        }
    }
}
