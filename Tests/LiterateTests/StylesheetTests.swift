import Foundation
import Testing
@testable import Literate

/// The site's stylesheet is `Sources/Literate/Render/style.css`, compiled into the tool.
@Suite struct StylesheetTests {
    @Test func theStylesheetIsTheCSSFileAsWritten() throws {
        let file = CLI.packageRoot.appendingPathComponent("Sources/Literate/Render/style.css")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasSuffix("}\n"))
        #expect(Stylesheet.css + "\n" == text)
    }

    @Test func aCopiedBinaryWritesTheSameStylesheet() throws {
        // No resource bundle is looked up at run time: a swiftbook copied away from its build
        // folder renders the same style.css.
        let cli = try CLI("good.md")
        defer { cli.remove() }
        let binary = cli.folder.appendingPathComponent("bin/swiftbook")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.binary, to: binary)
        let result = try cli.run(["render", "Chapters", "--output", "site"], binary: binary)
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOf: cli.folder.appendingPathComponent("site/style.css"), encoding: .utf8)
        #expect(written == Stylesheet.css + SiteEditions.css)
        #expect(written.hasPrefix("/* swiftbook site stylesheet"))
    }
}
