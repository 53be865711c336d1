// Why the engine tells glibc's malloc to keep freed memory.
//
// A training step allocates the same large buffers every time (activations, their gradients,
// a weight's gradient: 1.9 MiB for a 784-256-10 perceptron on a batch of 256) and frees them
// by the end of the step. glibc hands the freed top of its heap back to the kernel as soon as
// it exceeds a threshold that it adapts to the largest buffer seen (twice it, here 1.6 MiB),
// so the next step asks for the pages again and the kernel zeroes every one on its first
// touch: 430 page faults and about a sixth of a step's time, measured with
// Benchmarks/profile.sh. A fixed, higher threshold keeps the pages in the process for reuse
// (as PyTorch's and most engines' caching allocators do), at the cost of holding up to
// `trimThreshold` of freed memory.

#if canImport(Glibc)
import Glibc
#endif

enum HeapPolicy {
    /// Freed memory at the top of the heap that malloc keeps instead of returning it.
    static let trimThreshold: Int32 = 64 << 20
    /// Allocations at least this large get their own mapping (returned to the kernel when
    /// freed). Setting the trim threshold fixes this one too; glibc's largest is 32 MiB.
    static let mmapThreshold: Int32 = 32 << 20

    /// Applies the policy once per process, the first time it is read; a no-op off glibc.
    static let applied: Bool = {
        #if canImport(Glibc)
        // mallopt is declared in <malloc.h>, which Swift's Glibc module does not import.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let (trim, mmap): (Int32, Int32) = (-1, -3)  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
        return mallopt(trim, trimThreshold) == 1 && mallopt(mmap, mmapThreshold) == 1
        #else
        return false
        #endif
    }()
}
