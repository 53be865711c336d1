import Foundation
import Testing
@testable import Literate

/// Translations in language folders: parity with the source, drift from the recorded source
/// version, `status`, and the folders `run` and `check` take (Fixtures/translations).
@Suite("Translations")
struct TranslationTests {
    /// A scratch copy of the fixture book, as a relative-looking path for readable messages.
    func book() throws -> String {
        let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("translations/book")
        let scratch = try RenderFixtures.scratchFolder()
        let copy = scratch.appendingPathComponent("book")
        try FileManager.default.copyItem(at: fixtures, to: copy)
        return copy.path
    }

    func messages(_ problems: [TranslationProblem], in path: String) -> [String] {
        problems.filter { $0.path == path }.map { "\($0.line):\($0.column): \($0.message)" }
    }

    @Test func commentsAndStringTextMayDifferButNothingElse() {
        let english = CodeTokens("// Make a tensor.\nlet x = Tensor([1, 2])\nprint(\"sum: \\(x.sum())\", \"\")\n")
        #expect(CodeTokens("/* テンソル */ let x = Tensor([1,   2])  // 作る\nprint(\"合計: \\(x.sum())\", \"\")").firstDifference(from: english) == nil)
        let changedInterpolation = CodeTokens("let x = Tensor([1, 2])\nprint(\"合計: \\(x.mean())\", \"\")")
        #expect(changedInterpolation.firstDifference(from: english)?.mine?.text == "mean")
        let changedDelimiter = CodeTokens("let x = Tensor([1, 2])\nprint(#\"sum: \\(x.sum())\"#, \"\")")
        #expect(changedDelimiter.firstDifference(from: english) != nil)
        let shorter = CodeTokens("let x = Tensor([1, 2])")
        #expect(shorter.firstDifference(from: english)?.theirs?.text == "print")
    }

    @Test func aTranslationThatKeepsParityAndRecordsItsSourcePasses() throws {
        let book = try book()
        let result = TranslationCheck.verify(files: [book + "/ja/intro.md"], record: false)
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test func everyParityViolationIsAnErrorAtTheTranslationNamingTheSourceLine() throws {
        let book = try book()
        let zh = book + "/zh/intro.md"
        let result = TranslationCheck.verify(files: [zh], record: false)
        let found = messages(result.problems, in: zh)
        #expect(found.contains { $0.hasPrefix("1:1: the chapter seed is 4 here but 3 in its source") })
        #expect(found.contains("9:24: cell 1 differs from its source (\(book)/intro.md:9) in more than comments and string text: ',' here, ']' in the source"))
        #expect(found.contains("19:1: cell 2 has options '(none)' but the source's cell (\(book)/intro.md:19) has 'hidden'; use the source's info string"))
        #expect(found.contains { $0.hasPrefix("24:1: cell 2 has the same code as its source's (\(book)/intro.md:19) but a different output") })
        let diff = result.problems.first { $0.message.contains("different output") }?.diff ?? ""
        #expect(diff.contains("-tensor([2., 4., 6.])\n+tensor([2., 4., 8.])"))
        // Not yet recorded: check says how to record it.
        #expect(found.contains { $0.hasPrefix("1:1: this translation of \(book)/intro.md does not record") })
    }

    @Test func runRecordsTheSourceVersionOnlyWhenParityHolds() throws {
        let book = try book()
        let ja = book + "/ja/basics.md", zh = book + "/zh/intro.md"
        let before = try String(contentsOfFile: zh, encoding: .utf8)
        let result = TranslationCheck.verify(files: [ja, zh], record: true)
        #expect(result.recorded == [ja])
        let recorded = try String(contentsOfFile: ja, encoding: .utf8)
        #expect(recorded.hasSuffix("```\n\n<!-- swiftbook: source=\(SourceRecord(of: try Chapter.load(path: book + "/basics.md")).setting) -->\n"))
        #expect(try String(contentsOfFile: zh, encoding: .utf8) == before)
        #expect(TranslationCheck.verify(files: [ja], record: false).problems.isEmpty)
    }

    @Test func aChangedSourceCellMakesTheTranslationFailWithTheSourcesOwnDiff() throws {
        let book = try book()
        let source = book + "/intro.md", ja = book + "/ja/intro.md"
        let text = try String(contentsOfFile: source, encoding: .utf8)
        try text.replacingOccurrences(of: "let y = x * 2", with: "let y = x * 3").write(toFile: source, atomically: true, encoding: .utf8)

        let problems = TranslationCheck.verify(files: [ja], record: true).problems
        let drift = try #require(problems.first)
        #expect(drift.description.hasPrefix("\(ja):19:1: error: source changed since translated: cell 2 differs (\(source):19)"))
        #expect(drift.diff?.contains("-let y = x * 2\n+let y = x * 3") == true)
        // The changed code also breaks parity; run does not record over an outdated translation.
        #expect(problems.contains { $0.message.hasPrefix("cell 2 differs from its source") })
        #expect(try String(contentsOfFile: ja, encoding: .utf8).contains("source=51c77636,bdb9d251,3947eb9e"))

        let entries = try TranslationStatus.entries(for: [ja])
        #expect(entries.map(\.state) == [.outdated([Cell.ID(number: 2)])])
        #expect(entries[0].line == "\(ja): outdated (cell 2 of \(source) changed)")
    }

    /// A cell inserted into the source is one change, aligned as a diff aligns lines: the cells
    /// after it are still compared with the cells they translate.
    @Test func aCellInsertedIntoTheSourceIsOneChange() throws {
        let book = try book()
        let source = book + "/intro.md", ja = book + "/ja/intro.md"
        let text = try String(contentsOfFile: source, encoding: .utf8)
        try text.replacingOccurrences(of: "A second cell.\n", with: "A new cell.\n\n```swift\nlet z = 1\n```\n\nA second cell.\n")
            .write(toFile: source, atomically: true, encoding: .utf8)
        let problems = TranslationCheck.verify(files: [ja], record: false).problems
        #expect(problems.count == 1, "\(problems.map(\.message))")
        #expect(problems.first?.message.hasPrefix("source changed since translated: cell 2 is new in the source (\(source):19)") == true)
        let entries = try TranslationStatus.entries(for: [ja])
        #expect(entries.map(\.state) == [.outdated([Cell.ID(number: 2)])])
    }

    @Test func aChangedSourceCommentIsDriftThoughParityHolds() throws {
        let book = try book()
        let source = book + "/intro.md", ja = book + "/ja/intro.md"
        let text = try String(contentsOfFile: source, encoding: .utf8)
        try text.replacingOccurrences(of: "// Make a tensor.", with: "// Make a small tensor.").write(toFile: source, atomically: true, encoding: .utf8)
        let problems = TranslationCheck.verify(files: [ja], record: true).problems
        #expect(problems.map(\.message).count == 1)
        #expect(problems.first?.message.hasPrefix("source changed since translated: cell 1 differs") == true)
    }

    @Test func statusListsInSyncOutdatedAndMissingTranslations() throws {
        let book = try book()
        let lines = try TranslationStatus.entries(for: [book]).map(\.line)
        #expect(lines == [
            "\(book)/ja/intro.md: in sync",
            "\(book)/ja/basics.md: outdated (no source= record; run swiftbook run \(book)/ja/basics.md)",
            "\(book)/zh/intro.md: outdated (no source= record; run swiftbook run \(book)/zh/intro.md)",
            "\(book)/zh/basics.md: missing (no zh translation of \(book)/basics.md)",
        ])
    }

    @Test func aFolderRunsWithItsLanguageFoldersInTheSourcesOrder() throws {
        let book = try book()
        let files = try TranslationLayout.chaptersWithTranslations(inFolder: URL(fileURLWithPath: book)).map(\.lastPathComponent)
        let folders = try TranslationLayout.chaptersWithTranslations(inFolder: URL(fileURLWithPath: book))
            .map { $0.deletingLastPathComponent().lastPathComponent }
        #expect(files == ["intro.md", "basics.md", "intro.md", "basics.md", "intro.md"])
        #expect(folders == ["book", "book", "ja", "ja", "zh"])
        let ja = try TranslationLayout.chaptersWithTranslations(inFolder: URL(fileURLWithPath: book + "/ja")).map(\.lastPathComponent)
        #expect(ja == ["intro.md", "basics.md"])
        #expect(TranslationLayout.isLanguageTag("zh-Hans") && TranslationLayout.isLanguageTag("es-419"))
        #expect(!TranslationLayout.isLanguageTag("images") && !TranslationLayout.isLanguageTag("ja_JP"))
    }

    @Test func theSiteHasEveryLanguageWithASwitcherAndItsOwnIndexAndSearch() throws {
        let book = try book()
        let site = URL(fileURLWithPath: book).deletingLastPathComponent().appendingPathComponent("site")
        try SiteRenderer().render(paths: [book], output: site.path)
        let jaPage = try String(contentsOf: site.appendingPathComponent("ja/intro.html"), encoding: .utf8)
        #expect(jaPage.contains("<html lang=\"ja\">"))
        #expect(jaPage.contains("<a href=\"../intro.html\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(jaPage.contains("<a href=\"../zh/intro.html\" hreflang=\"zh\" lang=\"zh\">中文</a>"))
        #expect(jaPage.contains("<span aria-current=\"page\" lang=\"ja\">日本語</span>"))
        let english = try String(contentsOf: site.appendingPathComponent("basics.html"), encoding: .utf8)
        // No Chinese basics: the switcher goes to the Chinese index.
        #expect(english.contains("<a href=\"zh/index.html\" hreflang=\"zh\""))
        #expect(english.contains("<a href=\"ja/basics.html\" hreflang=\"ja\""))
        let zhIndex = try String(contentsOf: site.appendingPathComponent("zh/index.html"), encoding: .utf8)
        #expect(zhIndex.contains("<html lang=\"zh\">") && zhIndex.contains("简介") && !zhIndex.contains("Basics"))
        let jaSearch = try String(contentsOf: site.appendingPathComponent("ja/search-index.js"), encoding: .utf8)
        #expect(jaSearch.contains("最初のセル") && !jaSearch.contains("A first cell"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("ja/search.html").path))
        let css = try String(contentsOf: site.appendingPathComponent("ja/style.css"), encoding: .utf8)
        #expect(css.contains(":lang(ja)") && css.contains("Noto Sans CJK JP"))
    }

    @Test func statusExitsWithOneWhenATranslationIsOutdatedAndZeroWhenAllAreInSync() throws {
        let book = try book()
        let status = { (paths: [String]) throws -> (Int32, String) in
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["status"] + paths
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        #expect(try status([book + "/ja/intro.md"]) == (0, "\(book)/ja/intro.md: in sync\n"))
        let (code, text) = try status([book])
        #expect(code == 1)
        #expect(text.contains("\(book)/zh/basics.md: missing"))
    }
}
