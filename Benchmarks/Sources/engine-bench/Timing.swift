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
