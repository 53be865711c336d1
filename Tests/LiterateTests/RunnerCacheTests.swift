import Foundation
import Testing
@testable import Literate

/// The cache's hash and store.
@Suite struct RunnerCacheTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func storedExecutionIsFoundByItsKeyOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = try ResultCache(directory: folder)
        let cells = [ProgramCell(id: Cell.ID(number: 1), code: "print(1)", line: 3)]
        let settings = ExecutionSettings(chapterName: "x.md", seed: 1)
        let key = ResultCache.key(cells: cells, settings: settings, toolIdentity: "t")
        var otherSeed = settings
        otherSeed.seed = 2
        #expect(key != ResultCache.key(cells: cells, settings: otherSeed, toolIdentity: "t"))
        #expect(key != ResultCache.key(cells: cells, settings: settings, toolIdentity: "t2"))
        var edited = cells
        edited[0].code = "print(2)"
        #expect(key != ResultCache.key(cells: edited, settings: settings, toolIdentity: "t"))
        // Where the cell sits is not part of the key: prose edits and inserted outputs move it.
        var moved = cells
        moved[0].line = 40
        moved[0].indentation = 2
        #expect(key == ResultCache.key(cells: moved, settings: settings, toolIdentity: "t"))
        let execution = ChapterExecution(outcomes: [CellOutcome(cell: Cell.ID(number: 1), status: .passed, output: "1\n")],
                                         warnings: [], compilations: 1, timedOut: false)
        #expect(cache.lookup(key) == nil)
        cache.store(execution, for: key)
        #expect(cache.lookup(key)?.outcomes == execution.outcomes)
        #expect(cache.lookup(key)?.compilations == 0)
        var slow = execution
        slow.timedOut = true
        cache.store(slow, for: "other")
        #expect(cache.lookup("other") == nil)
    }
}
