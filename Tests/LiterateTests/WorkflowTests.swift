import Foundation
import Testing

/// `.github/workflows/book.yml` agrees with itself and with the command line: its matrix is the
/// shards `1...N` of the `--shard K/N` it runs, and the shards' JSON reports reach `merge-reports`.
/// (Its schema and audits are checked by `Scripts/lint-workflows` (zizmor), which Scripts/test runs.)
@Suite struct WorkflowTests {
    let workflow: String

    init() throws {
        workflow = try String(contentsOf: CLI.packageRoot.appendingPathComponent(".github/workflows/book.yml"), encoding: .utf8)
    }

    @Test func theMatrixIsEveryShardOfTheSplitItRuns() throws {
        let matrix = try #require(workflow.firstMatch(of: /shard: \[([0-9, ]+)\]/)).1
        let shards = matrix.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let counts = Set(workflow.matches(of: /--shard \$\{\{ matrix\.shard \}\}\/([0-9]+)/).map { Int($0.1)! })
        #expect(counts.count == 1, "one split: \(counts)")
        let count = try #require(counts.first)
        #expect(shards == Array(1...count))
    }

    @Test func theShardsReportsAreMergedIntoTheVerdict() throws {
        #expect(workflow.contains("check Chapters --shard ${{ matrix.shard }}/"))
        #expect(workflow.contains("--format json > report-${{ matrix.shard }}.json"))
        #expect(workflow.contains("swiftbook merge-reports reports/*.json"))
        #expect(workflow.contains("needs: check"))
        // The shards restore one cache (so they agree on the split) and the merge job saves it.
        #expect(workflow.contains("actions/cache/restore@"))
        #expect(workflow.contains("actions/cache/save@"))
    }
}
