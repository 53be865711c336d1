import Foundation
@testable import Literate

/// The render fixtures (Tests/LiterateTests/Fixtures/render) and scratch folders for site tests.
enum RenderFixtures {
    /// The folder holding the render fixtures.
    static var folder: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("render")
    }

    /// The rendered article of the fixture chapter `name`, as the site renderer would make it.
    static func body(of name: String, allowRawHTML: Bool = false) throws -> ChapterBody {
        let source = try ChapterSource(loading: folder.appendingPathComponent(name).path)
        let pageNames = ["basics.md": "basics.html", name: PageNames.pageName(forChapterFile: name)]
        return ChapterBody(source: source, pageNames: pageNames, allowRawHTML: allowRawHTML)
    }

    /// A new empty scratch folder, removed by the caller.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("swiftbook-render-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the fixture folder `name` inside `scratch`.
    static func copy(_ name: String, into scratch: URL) throws -> URL {
        let copy = scratch.appendingPathComponent(name)
        try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: copy)
        return copy
    }

    /// The text of `file` in `folder`.
    static func read(_ file: String, in folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    }
}

extension String {
    /// How many times `piece` occurs.
    func occurrences(of piece: String) -> Int {
        components(separatedBy: piece).count - 1
    }
}
