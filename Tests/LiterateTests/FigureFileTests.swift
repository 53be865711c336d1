import Foundation
import Testing
@testable import Literate

/// The SVG files beside a chapter: created, replaced, removed when the cell stops showing a
/// figure or no longer exists, and nothing else in the folder touched.
@Suite struct FigureFileTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-figures-\(UUID().uuidString)")
    var folder: URL { root.appendingPathComponent("figures") }
    var files: FigureFiles { FigureFiles(chapterPath: root.appendingPathComponent("x.md").path) }

    /// Figures given by cell number.
    func figures(_ byNumber: [Int: String?]) -> [Cell.ID: String?] {
        Dictionary(uniqueKeysWithValues: byNumber.map { (Cell.ID(number: $0.key), $0.value) })
    }

    func contents() -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Dictionary(uniqueKeysWithValues: names.map {
            ($0, (try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) ?? "?")
        })
    }

    @Test func lifecycle() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        // Before any figure: no folder is made.
        #expect(files.update(figures([1: nil]), cellCount: 2).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.path))

        #expect(files.update(figures([1: "<svg>one</svg>", 2: nil]), cellCount: 2).isEmpty)
        #expect(contents() == ["x-cell1.svg": "<svg>one</svg>"])

        // Someone else's files, another chapter's figure, and a figure of a cell that is gone.
        try "notes".write(to: folder.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
        try "y".write(to: folder.appendingPathComponent("y-cell1.svg"), atomically: false, encoding: .utf8)
        try "x-2".write(to: folder.appendingPathComponent("x-2-cell1.svg"), atomically: false, encoding: .utf8)
        try "old".write(to: folder.appendingPathComponent("x-cell7.svg"), atomically: false, encoding: .utf8)

        #expect(files.update(figures([1: "<svg>two</svg>"]), cellCount: 2).isEmpty)
        #expect(contents() == ["x-cell1.svg": "<svg>two</svg>", "notes.txt": "notes", "y-cell1.svg": "y",
                               "x-2-cell1.svg": "x-2"])

        // The cell no longer shows a figure.
        #expect(files.update(figures([1: nil]), cellCount: 2).isEmpty)
        #expect(contents() == ["notes.txt": "notes", "y-cell1.svg": "y", "x-2-cell1.svg": "x-2"])
    }

    @Test func anUnchangedFigureIsNotRewritten() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        _ = files.update(figures([1: "<svg/>"]), cellCount: 1)
        let url = folder.appendingPathComponent("x-cell1.svg")
        let past = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: url.path)
        _ = files.update(figures([1: "<svg/>"]), cellCount: 1)
        let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
        #expect(modified == past)
    }
}
