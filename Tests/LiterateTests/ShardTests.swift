import Foundation
import Testing
@testable import Literate

/// `--shard K/N`: a partition of the book, balanced by measured times, and the merged verdict.
@Suite struct ShardTests {
    let book = (1...23).map { String(format: "Chapters/%02d-chapter.md", $0) }

    @Test func everyChapterIsInExactlyOneShardAndTheSplitIsDeterministic() {
        var generator = SystemRandomNumberGenerator()
        for count in [1, 2, 3, 4, 7, 23, 30] {
            var times: [String: Double] = [:]
            for path in book where Bool.random(using: &generator) { times[path] = Double.random(in: 0...10, using: &generator) }
            let shards = Shard.partition(book, times: times, count: count)
            #expect(shards.count == count)
            #expect(shards.flatMap { $0 }.sorted() == book, "complete and disjoint")
            #expect(Shard.partition(book.reversed(), times: times, count: count) == shards, "same split in any input order")
            let picked = (1...count).flatMap { Shard(index: $0, count: count)!.chapters(of: book, times: times) }
            #expect(picked.sorted() == book)
        }
    }

    @Test func withoutTimesChaptersAreDealtOutByName() {
        let shards = Shard.partition(["c.md", "a.md", "b.md", "d.md", "e.md"], times: [:], count: 2)
        #expect(shards == [["a.md", "c.md", "e.md"], ["b.md", "d.md"]])
    }

    @Test func measuredTimesBalanceTheShards() {
        // One chapter longer than all the others together: by name it would share a shard with
        // half of them; by time it is alone.
        var times = ["Chapters/01-chapter.md": 60.0]
        for path in book.dropFirst() { times[path] = 1 + Double(path.count % 3) }
        let shards = Shard.partition(book, times: times, count: 2)
        #expect(shards[0] == ["Chapters/01-chapter.md"])
        #expect(shards[1].sorted() == Array(book.dropFirst()))
        // In general no shard exceeds an equal share by more than the longest chapter.
        var generator = SystemRandomNumberGenerator()
        for count in [2, 3, 4] {
            let random = Dictionary(uniqueKeysWithValues: book.map { ($0, Double.random(in: 0.1...5, using: &generator)) })
            let loads = Shard.partition(book, times: random, count: count).map { $0.reduce(0) { $0 + random[$1]! } }
            let total = random.values.reduce(0, +)
            #expect(loads.max()! <= total / Double(count) + random.values.max()!, "\(loads)")
        }
        // An unmeasured chapter counts as a typical one, not as free.
        times["Chapters/02-chapter.md"] = nil
        #expect(Shard.partition(book, times: times, count: 2).flatMap { $0 }.sorted() == book)
    }

    @Test func shardSpellings() {
        #expect(Shard(parsing: "2/4") == Shard(index: 2, count: 4))
        for bad in ["0/4", "5/4", "2", "2/0", "a/b", "1/2/3", "-1/2"] { #expect(Shard(parsing: bad) == nil, "\(bad)") }
    }

    @Test func timingsAreKeptPerChapterAndOnlyARefreshChangesTheSplit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbook-timings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let timings = ChapterTimings(cacheDirectory: folder)
        let paths = ["Chapters/a.md", "Chapters/b.md", "Chapters/c.md"]
        timings.record(2.5, for: "Chapters/a.md")
        timings.record(0.5, for: "Chapters/b.md")
        timings.record(3, for: "Chapters/a.md")
        #expect(timings.measurements(of: paths) == ["Chapters/a.md": 3, "Chapters/b.md": 0.5])
        #expect(timings.splitTimes(of: paths).isEmpty)
        timings.refreshSplitTimes()
        #expect(timings.splitTimes(of: paths) == ["Chapters/a.md": 3, "Chapters/b.md": 0.5])
        timings.record(9, for: "Chapters/b.md")
        #expect(timings.splitTimes(of: paths)["Chapters/b.md"] == 0.5)
    }
}

/// `merge-reports`: the worst verdict, and refusal of reports that do not make one book.
@Suite struct ReportMergerTests {
    func report(_ shard: String?, _ code: Int32, _ chapters: [(String, Bool)], mode: String = "check") -> BookReport {
        BookReport(mode: mode, exitCode: code, shard: shard, chapters: chapters.map { path, good in
            var chapter = ChapterReport(path: path)
            if !good { chapter.problems.append(.init(line: 3, column: nil, kind: .changedText, message: "stale")) }
            return chapter
        })
    }

    @Test func theVerdictIsTheWorstOfTheShards() throws {
        let good = try ReportMerger.merge([("1.json", report("1/2", 0, [("a.md", true)])), ("2.json", report("2/2", 0, [("b.md", true)]))])
        #expect(good.exitCode == 0)
        #expect(good.chapters.map(\.path) == ["a.md", "b.md"])
        #expect(good.shard == nil)
        let failed = try ReportMerger.merge([("1.json", report("1/2", 0, [("a.md", true)])), ("2.json", report("2/2", 1, [("b.md", false)]))])
        #expect(failed.exitCode == 1)
        let usage = try ReportMerger.merge([("1.json", report("1/2", 2, [])), ("2.json", report("2/2", 1, [("b.md", false)]))])
        #expect(usage.exitCode == 2)
        // A failed chapter fails the merge even if its report claimed 0.
        #expect(try ReportMerger.merge([("x.json", report(nil, 0, [("a.md", false)]))]).exitCode == 1)
    }

    @Test func reportsThatDoNotMakeOneBookAreRefused() {
        #expect(throws: ReportMerger.Problem.self) {  // a chapter in two shards
            try ReportMerger.merge([("1.json", report("1/2", 0, [("a.md", true)])), ("2.json", report("2/2", 0, [("a.md", true)]))])
        }
        #expect(throws: ReportMerger.Problem.self) {  // a missing shard
            try ReportMerger.merge([("1.json", report("1/3", 0, [("a.md", true)])), ("2.json", report("2/3", 0, []))])
        }
        #expect(throws: ReportMerger.Problem.self) {  // a repeated shard
            try ReportMerger.merge([("1.json", report("1/2", 0, [])), ("1b.json", report("1/2", 0, []))])
        }
        #expect(throws: ReportMerger.Problem.self) {  // run and check
            try ReportMerger.merge([("1.json", report(nil, 0, [])), ("2.json", report(nil, 0, [], mode: "run"))])
        }
    }

    @Test func skippedCellsAreCountedThroughTheMerge() throws {
        var chapter = ChapterReport(path: "a.md")
        chapter.cells = [.init(id: Cell.ID(number: 1), line: 3, status: .passed), .init(id: Cell.ID(number: 2), line: 9, status: .skipped, skippedBecause: "tags slow")]
        let merged = try ReportMerger.merge([("1.json", BookReport(mode: "check", exitCode: 0, shard: "1/1", chapters: [chapter]))])
        #expect(merged.skippedCells == 1)
        #expect(ReportText.merged(merged).contains("1 cells skipped by tags"))
    }
}
