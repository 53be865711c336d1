import Glibc

/// Runs `body` repeatedly for about `seconds` (after a warm-up) and returns
/// the best average time per call, in seconds, over five rounds.
func secondsPerCall(minimumSeconds seconds: Double = 0.25, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    for _ in 0..<3 { body() }
    // Calibrate the number of calls per round.
    var calls = 1
    while true {
        let elapsed = clock.measure { for _ in 0..<calls { body() } }
        if elapsed.seconds >= seconds / 5 { break }
        calls *= 2
    }
    var best = Double.infinity
    for _ in 0..<5 {
        let elapsed = clock.measure { for _ in 0..<calls { body() } }
        best = Swift.min(best, elapsed.seconds / Double(calls))
    }
    return best
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}

/// Best seconds per call of two bodies measured in alternating rounds, so a
/// busy moment on the machine affects both alike (for ratios such as Tensor
/// matmul / cblas_sgemm).
func secondsPerCall(alternating first: () -> Void, _ second: () -> Void,
                    rounds: Int = 15, minimumSeconds seconds: Double = 0.1) -> (Double, Double) {
    let clock = ContinuousClock()
    for _ in 0..<3 { first(); second() }
    var calls = 1
    while clock.measure({ for _ in 0..<calls { first() } }).seconds < seconds / 5 { calls *= 2 }
    var best = (Double.infinity, Double.infinity)
    for _ in 0..<rounds {
        best.0 = Swift.min(best.0, clock.measure { for _ in 0..<calls { first() } }.seconds / Double(calls))
        best.1 = Swift.min(best.1, clock.measure { for _ in 0..<calls { second() } }.seconds / Double(calls))
    }
    return best
}

/// The CPU time this process has used so far (all threads), in seconds.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// Best CPU seconds (all threads of the process) per call of two bodies in alternating
/// rounds. On a machine busy with other work, wall time counts the time other processes
/// hold the cores; CPU time counts only this one's work (on one thread, nearly what an idle
/// machine's wall time would be; on several, it adds the threads' waiting for each other).
func cpuSecondsPerCall(alternating first: () -> Void, _ second: () -> Void,
                       rounds: Int = 40, callsPerRound calls: Int) -> (Double, Double) {
    func measure(_ body: () -> Void) -> Double {
        let start = processCPUSeconds()
        for _ in 0..<calls { body() }
        return (processCPUSeconds() - start) / Double(calls)
    }
    var best = (Double.infinity, Double.infinity)
    for _ in 0..<rounds {
        best.0 = Swift.min(best.0, measure(first))
        best.1 = Swift.min(best.1, measure(second))
    }
    return best
}
