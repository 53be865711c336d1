import Foundation
import Testing
@testable import Literate

/// `--shard K/N` and `merge-reports` from the command line, and a book outside this repository.
@Suite(.serialized) struct CLIShardTests {
    func report(_ result: CLI.Result) throws -> BookReport {
        try JSONDecoder().decode(BookReport.self, from: Data(result.stdout.utf8))
    }

    @Test func shardsCoverTheBookOnceAndMergeIntoTheWholeVerdict() throws {
        let cli = try CLI("good.md", "stale.md", "options.md")
        // The shards run one after another on one cache folder, as on one machine; the first
        // records times, which must not change the split the second sees.
        defer { cli.remove() }
        var files: [String] = []
        var chapters: [String] = []
        for index in 1...2 {
            let result = try cli.run("check", "Chapters", "--shard", "\(index)/2", "--format", "json")
            let part = try report(result)
            #expect(part.shard == "\(index)/2")
            #expect(result.status == (part.chapters.contains { $0.path == "Chapters/stale.md" } ? 1 : 0), "\(result.stderr)")
            chapters += part.chapters.map(\.path)
            let file = cli.folder.appendingPathComponent("shard-\(index).json")
            try result.stdout.write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        #expect(chapters.sorted() == ["Chapters/good.md", "Chapters/options.md", "Chapters/stale.md"])
        let merged = try cli.run(["merge-reports"] + files + ["--format", "json"])
        #expect(merged.status == 1, "the stale chapter fails the whole book: \(merged.stderr)")
        #expect(try report(merged).chapters.count == 3)
        #expect(merged.stderr.contains("Chapters/stale.md:8: error:"), "\(merged.stderr)")
        let annotated = try cli.run(["merge-reports"] + files, environment: ["GITHUB_ACTIONS": "true"])
        #expect(annotated.stdout.contains("::error file=Chapters/stale.md,line=8::"), "\(annotated.stdout)")
        let missing = try cli.run(["merge-reports", files[0]])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("lack shard"), "\(missing.stderr)")
    }

    /// References belong to the whole book: a shard accepts a link into a chapter another shard
    /// checks, and a broken one is reported once, by the shard of the chapter it is written in,
    /// in its JSON report too, so the merged verdict and its annotations have it.
    @Test func referencesAreResolvedInTheWholeBookAndReportedByOneShard() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try "# A\n\nSee [Section](b.md#details).\n".write(to: cli.chapter("a.md"), atomically: true, encoding: .utf8)
        try "# B\n\n## Details\n\nText.\n".write(to: cli.chapter("b.md"), atomically: true, encoding: .utf8)
        try "# C\n\nSee [Section](b.md#nowhere).\n".write(to: cli.chapter("c.md"), atomically: true, encoding: .utf8)
        var files: [String] = []
        var failing: [String] = []
        for index in 1...3 {
            let result = try cli.run("check", "Chapters", "--shard", "\(index)/3", "--format", "json")
            let part = try report(result)
            #expect(part.chapters.count == 1)
            let path = try #require(part.chapters.first?.path)
            if result.status != 0 { failing.append(path) }
            #expect(result.status == (path == "Chapters/c.md" ? 1 : 0), "\(path): \(result.stderr)")
            #expect((part.problems ?? []).map(\.path) == (path == "Chapters/c.md" ? ["Chapters/c.md"] : []), "\(result.stdout)")
            let file = cli.folder.appendingPathComponent("shard-\(index).json")
            try result.stdout.write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        #expect(failing == ["Chapters/c.md"])
        let merged = try cli.run(["merge-reports"] + files, environment: ["GITHUB_ACTIONS": "true"])
        #expect(merged.status == 1, "\(merged.stderr)")
        #expect(merged.stderr.contains("Chapters/c.md:3:5: error: unresolved reference 'b.md#nowhere'"), "\(merged.stderr)")
        #expect(merged.stderr.contains("merged 3 chapters; 1 with problems"), "\(merged.stderr)")
        #expect(merged.stdout.contains("::error file=Chapters/c.md,line=3,col=5::"), "\(merged.stdout)")
        // The whole book, unsharded, says the same.
        let whole = try cli.run("check", "Chapters")
        #expect(whole.status == 1)
        #expect(whole.stderr.contains("Chapters/c.md:3:5: error: unresolved reference 'b.md#nowhere'"), "\(whole.stderr)")
    }

    @Test func measuredTimesBecomeTheSplitTimesAfterAWholeRun() throws {
        let cli = try CLI("good.md", "sleepy.md")
        defer { cli.remove() }
        let timings = ChapterTimings(cacheDirectory: cli.folder.appendingPathComponent("cache"))
        let paths = ["Chapters/good.md", "Chapters/sleepy.md"]
        try cli.run("check", "Chapters/good.md", "--shard", "1/1")
        #expect(timings.measurements(of: paths).count == 1)
        #expect(timings.splitTimes(of: paths).isEmpty, "a shard never changes the split")
        try cli.run("check", "Chapters")
        let times = timings.splitTimes(of: paths)
        #expect(times.count == 2)
        #expect(times["Chapters/sleepy.md"]! > times["Chapters/good.md"]! + 2, "sleepy.md sleeps 2.5 s: \(times)")
    }

    @Test func aShardWithoutChaptersSucceeds() throws {
        let cli = try CLI("good.md")
        defer { cli.remove() }
        let result = try cli.run("check", "Chapters", "--shard", "2/3", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try report(result).chapters.isEmpty)
        #expect(try cli.run("check", "Chapters", "--shard", "4/3").status == 2)
    }

    @Test func aFolderOfChaptersElsewhereFindsTheEngineWithoutFlags() throws {
        // A book that is only a folder of chapters, outside any package: this repository's
        // swiftbook finds the engine beside itself, and the cache goes into the book's folder.
        let cli = try CLI("good.md")
        defer { cli.remove() }
        let result = try cli.run(["check", "Chapters"], environment: ["SWIFTBOOK_ENGINE": ""])
        #expect(result.status == 0, "\(result.stderr)")
        let cache = cli.folder.appendingPathComponent(".build/swiftbook-cache")
        #expect(FileManager.default.fileExists(atPath: cache.path))
        let again = try cli.run(["check", "Chapters", "--verbose"], environment: ["SWIFTBOOK_ENGINE": ""])
        #expect(again.stderr.contains("cached"), "\(again.stderr)")
    }
}
