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
