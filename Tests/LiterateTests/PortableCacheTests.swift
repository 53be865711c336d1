import Foundation
import Testing
@testable import Literate

/// The cache outlives its folder, clone and machine: tools are known by content, and an entry
/// that is not exactly what was stored for its key is a miss.
@Suite(.serialized) struct PortableCacheTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-portable-\(UUID().uuidString)")

    func cacheWithOneEntry() throws -> (ResultCache, String, ChapterExecution) {
        let cache = try ResultCache(directory: scratch.appendingPathComponent("cache"))
        let key = ResultCache.key(cells: [ProgramCell(id: Cell.ID(number: 1), code: "print(1)", line: 1)],
                                  settings: ExecutionSettings(chapterName: "x.md", seed: 0), toolIdentity: "tools")
        let execution = ChapterExecution(outcomes: [CellOutcome(cell: Cell.ID(number: 1), status: .passed, output: "1\n")],
                                         warnings: [], compilations: 1, timedOut: false)
        cache.store(execution, for: key)
        return (cache, key, execution)
    }

    func entry(_ cache: ResultCache, _ key: String) -> URL { cache.directory.appendingPathComponent("\(key).json") }

    @Test func anIntactEntryIsAHit() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (cache, key, execution) = try cacheWithOneEntry()
        #expect(cache.lookup(key)?.outcomes == execution.outcomes)
    }

    @Test func aTruncatedEntryIsAMiss() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (cache, key, _) = try cacheWithOneEntry()
        let data = try Data(contentsOf: entry(cache, key))
        try data.prefix(data.count - 3).write(to: entry(cache, key))
        #expect(cache.lookup(key) == nil)
    }

    @Test func aCorruptedEntryThatStillDecodesIsAMiss() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (cache, key, _) = try cacheWithOneEntry()
        // A flipped digit keeps the JSON valid but changes the output: the checksum catches it.
        let text = try String(contentsOf: entry(cache, key), encoding: .utf8)
        let corrupted = text.replacingOccurrences(of: "\"1\\n\"", with: "\"7\\n\"")
        #expect(corrupted != text)
        try corrupted.write(to: entry(cache, key), atomically: true, encoding: .utf8)
        #expect(cache.lookup(key) == nil)
    }

    @Test func aForeignEntryUnderTheKeysNameIsAMiss() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (cache, key, execution) = try cacheWithOneEntry()
        let other = String(repeating: "0", count: 64)
        cache.store(execution, for: other)
        // Another key's entry copied over this one (or a file from elsewhere) is not this key's result.
        try FileManager.default.removeItem(at: entry(cache, key))
        try FileManager.default.copyItem(at: entry(cache, other), to: entry(cache, key))
        #expect(cache.lookup(key) == nil)
        #expect(cache.lookup(other) != nil)
        // And an entry of the old format (bare JSON, no header) is a miss too.
        try JSONEncoder().encode(execution).write(to: entry(cache, key))
        #expect(cache.lookup(key) == nil)
    }

    @Test func aFileDigestDependsOnContentNotOnPathOrTime() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let digests = FileDigests(directory: scratch.appendingPathComponent("digests"))
        let first = scratch.appendingPathComponent("a.bin"), second = scratch.appendingPathComponent("elsewhere.bin")
        try Data(repeating: 7, count: 100_000).write(to: first)
        let digest = try #require(digests.digest(ofFile: first.path))
        #expect(digest == "sha256:" + SHA256.hex(String(repeating: "\u{7}", count: 100_000)))
        try Data(repeating: 7, count: 100_000).write(to: second)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: second.path)
        #expect(digests.digest(ofFile: second.path) == digest)
        // The same file rewritten with other bytes (a rebuild) gets a new digest, not the remembered one.
        try Data(repeating: 8, count: 100_000).write(to: first)
        #expect(digests.digest(ofFile: first.path) != digest)
    }

    @Test func theEngineIsKnownByItsMappedContentWhereverItsFilesAre() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let original = try #require(Engine(directory: CLI.buildFolder.path))
        let digests = FileDigests(directory: nil)
        let copy = try copyEngine(to: scratch.appendingPathComponent("engine"))
        let moved = try #require(Engine(directory: copy.path))
        let identity = original.identity(digests: digests)
        #expect(identity.hasPrefix("libSwiftbookEngine.so elf-sections:"), "\(identity)")
        #expect(identity.contains("Autograd.swiftmodule sha256:"))
        #expect(moved.identity(digests: digests) == identity)
        // A changed module is another engine.
        let module = copy.appendingPathComponent("Modules/NN.swiftmodule")
        var bytes = try Data(contentsOf: module)
        bytes[bytes.count - 1] ^= 0xFF
        try bytes.write(to: module)
        #expect(moved.identity(digests: digests) != identity)
    }

    /// The engine files (library and the modules cells import) copied into `folder`: a new path,
    /// new modification times, new inodes, as a rebuild in a fresh clone would have.
    func copyEngine(to folder: URL) throws -> URL {
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("Modules"), withIntermediateDirectories: true)
        try manager.copyItem(at: CLI.buildFolder.appendingPathComponent("libSwiftbookEngine.so"),
                             to: folder.appendingPathComponent("libSwiftbookEngine.so"))
        for module in Engine.swiftModules {
            try manager.copyItem(at: CLI.buildFolder.appendingPathComponent("Modules/\(module).swiftmodule"),
                                 to: folder.appendingPathComponent("Modules/\(module).swiftmodule"))
        }
        return folder
    }

    @Test func aCacheRestoredBesideACopiedToolchainCompilesNothing() throws {
        let cli = try CLI("good.md", "options.md")
        defer { cli.remove() }
        let cache = cli.folder.appendingPathComponent("cache")
        let first = try cli.run(["check", "Chapters", "--cache-dir", cache.path, "--format", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        // A "fresh clone": swiftbook and its engine at another path with new times, and the cache
        // folder restored there (its remembered digests are of the old files and do not apply).
        let clone = try copyEngine(to: cli.folder.appendingPathComponent("clone/.build/debug"))
        let binary = clone.appendingPathComponent("swiftbook")
        try FileManager.default.copyItem(at: CLI.binary, to: binary)
        let restored = cli.folder.appendingPathComponent("clone/.build/swiftbook-cache")
        try FileManager.default.copyItem(at: cache, to: restored)
        let second = try cli.run(["check", "Chapters", "--cache-dir", restored.path, "--format", "json"],
                                 environment: ["SWIFTBOOK_ENGINE": ""], binary: binary)
        #expect(second.status == 0, "\(second.stderr)")
        let report = try JSONDecoder().decode(BookReport.self, from: Data(second.stdout.utf8))
        #expect(report.chapters.count == 2)
        #expect(report.chapters.allSatisfy { $0.cached && $0.compilations == 0 }, "\(second.stdout)")
    }
}

/// swiftbook's own part of the key: its sources, which a rebuild reproduces, not its executable,
/// which it does not; the executable only when the sources may not be what it was built from.
@Suite struct SwiftbookIdentityTests {
    @Test func aToolBuiltAfterItsSourcesIsKnownByThem() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-identity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let sources = scratch.appendingPathComponent("Sources/Literate")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try "let planned = 1\n".write(to: sources.appendingPathComponent("Planner.swift"), atomically: true, encoding: .utf8)
        let old = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: sources.appendingPathComponent("Planner.swift").path)
        let digests = FileDigests(directory: nil)
        // Two different executables built from the same sources: one identity.
        let first = scratch.appendingPathComponent("swiftbook-1"), second = scratch.appendingPathComponent("swiftbook-2")
        try Data("build one".utf8).write(to: first)
        try Data("build two".utf8).write(to: second)
        let identity = SwiftbookVersion.identity(executable: first, digests: digests, sourceRoot: scratch)
        #expect(identity.contains(" sources "), "\(identity)")
        #expect(SwiftbookVersion.identity(executable: second, digests: digests, sourceRoot: scratch) == identity)
        // Other sources: another identity.
        try "let planned = 2\n".write(to: sources.appendingPathComponent("Planner.swift"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: sources.appendingPathComponent("Planner.swift").path)
        #expect(SwiftbookVersion.identity(executable: first, digests: digests, sourceRoot: scratch) != identity)
        // A source edited after the build: the executable may not be what its sources say.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)],
                                              ofItemAtPath: sources.appendingPathComponent("Planner.swift").path)
        let edited = SwiftbookVersion.identity(executable: first, digests: digests, sourceRoot: scratch)
        #expect(edited.contains(" executable sha256:"), "\(edited)")
        #expect(SwiftbookVersion.identity(executable: second, digests: digests, sourceRoot: scratch) != edited)
    }
}

/// The engine library's identity is what the loader maps, so two clean builds of the same sources
/// (which differ in their build ID, `.swift_modhash` and debug information) are one engine, and
/// any change to what runs is another.
@Suite struct ELFContentTests {
    let library: Data

    init() throws {
        library = try Data(contentsOf: CLI.buildFolder.appendingPathComponent(Engine.libraryFile))
    }

    /// `data` with every byte of the named section inverted.
    func flipping(_ name: String, in data: Data) throws -> Data {
        let section = try #require(ELFContent.sections(data)?.first { $0.name == name }, "no section \(name)")
        try #require(!section.range.isEmpty)
        var changed = data
        for index in section.range { changed[index] ^= 0xFF }
        return changed
    }

    @Test func buildHashesAndDebugInformationAreNotTheEngine() throws {
        let digest = try #require(ELFContent.digest(library))
        let sections = try #require(ELFContent.sections(library))
        #expect(sections.contains { $0.name == ".text" && $0.isMapped })
        var rebuilt = try flipping(".note.gnu.build-id", in: library)
        if sections.contains(where: { $0.name == ".swift_modhash" }) { rebuilt = try flipping(".swift_modhash", in: rebuilt) }
        if let debug = sections.first(where: { $0.name.hasPrefix(".debug_") && !$0.range.isEmpty }) {
            rebuilt = try flipping(debug.name, in: rebuilt)
        }
        #expect(rebuilt != library)
        #expect(ELFContent.digest(rebuilt) == digest)
    }

    @Test func changedCodeOrConstantsAreAnotherEngine() throws {
        let digest = try #require(ELFContent.digest(library))
        for name in [".text", ".rodata", ".data"] where ELFContent.sections(library)?.contains(where: { $0.name == name && !$0.range.isEmpty }) == true {
            #expect(try ELFContent.digest(flipping(name, in: library)) != digest, "\(name)")
        }
    }

    @Test func notAnELFFileOrACutOneHasNoContentDigest() {
        #expect(ELFContent.digest(Data("#!/bin/sh\n".utf8)) == nil)
        #expect(ELFContent.digest(library.prefix(4096)) == nil)
        #expect(ELFContent.digest(Data()) == nil)
    }
}
