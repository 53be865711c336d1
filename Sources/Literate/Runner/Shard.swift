/// One of N disjoint parts of a book (`--shard K/N`), so N machines can check a book together.
///
/// Every chapter is in exactly one shard. The parts are balanced by each chapter's last measured
/// time (the split times of `ChapterTimings`, kept in the cache folder, which no shard changes):
/// the longest chapter goes first, each to
/// the shard with the least time so far (ties: the lower shard). A chapter without a measured
/// time counts as the mean of the measured ones (1 s when none is known), and equal times go by
/// path, so without timings the chapters are dealt out by name. The partition depends only on the
/// chapter paths and the timings: shards that restore the same cache folder agree on it.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based: the first shard is `1/N`.
    var index: Int
    var count: Int

    /// Shard `index` of `count`, or nil unless 1 <= index <= count.
    init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Reads `K/N` with 1 <= K <= N.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    /// `K/N`, as `--shard` and the JSON report spell it.
    public var description: String { "\(index)/\(count)" }

    /// The chapters of this shard, in the order given.
    func chapters(of paths: [String], times: [String: Double]) -> [String] {
        let mine = Set(Shard.partition(paths, times: times, count: count)[index - 1])
        return paths.filter(mine.contains)
    }

    /// All `count` shards, each a list of paths (longest first).
    static func partition(_ paths: [String], times: [String: Double], count: Int) -> [[String]] {
        let known = paths.compactMap { times[$0] }.filter { $0.isFinite && $0 >= 0 }
        let typical = known.isEmpty ? 1 : known.reduce(0, +) / Double(known.count)
        let weighted = Set(paths).map { path -> (String, Double) in
            let time = times[path].flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } ?? typical
            return (path, time)
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var shards = [[String]](repeating: [], count: max(1, count))
        var loads = [Double](repeating: 0, count: max(1, count))
        for (path, time) in weighted {
            let lightest = loads.indices.min { loads[$0] != loads[$1] ? loads[$0] < loads[$1] : $0 < $1 }!
            shards[lightest].append(path)
            loads[lightest] += time
        }
        return shards
    }
}
