import Foundation

/// Runs `body` on every item with at most `jobs` at a time (on threads: the work is mostly
/// waiting for child processes), and returns the results in the items' order. `completed` is
/// called as each finishes, one call at a time.
func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], jobs: Int,
    _ body: @escaping @Sendable (Item) -> Result,
    completed: @escaping @Sendable (Int, Result) -> Void = { _, _ in }
) -> [Result] {
    let shared = ParallelMapState<Result>(count: items.count)
    let group = DispatchGroup()
    for _ in 0..<max(1, min(jobs, items.count)) {
        group.enter()
        let thread = Thread {
            while true {
                shared.lock.lock()
                let index = shared.next
                shared.next += 1
                shared.lock.unlock()
                guard index < items.count else { break }
                let result = body(items[index])
                shared.lock.lock()
                shared.results[index] = result
                completed(index, result)
                shared.lock.unlock()
            }
            group.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
    group.wait()
    return shared.results.map { $0! }
}

private final class ParallelMapState<Result>: @unchecked Sendable {
    let lock = NSLock()
    var next = 0
    var results: [Result?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
}
