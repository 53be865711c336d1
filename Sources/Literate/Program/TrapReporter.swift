/// The part of a chapter program's runtime that says where a trap happened.
///
/// When the program traps (a failed precondition, a failed cast, an overflow, an exclusivity
/// violation, a bad memory access), a signal handler writes one marker line before the program
/// dies of the same signal: `\u{1E}swiftbook:<nonce>:trap <pc> <return addresses>\u{1E}`, as
/// offsets into the program's own image, in hex. The executor turns them into cell lines with
/// `llvm-symbolizer` and the program's line tables (`TrapLocator`): the first position in a cell's
/// code is the trap's line, and an inlined `Swift runtime failure: …` frame at the faulting
/// address is the runtime's reason when it printed none. The handler allocates nothing and
/// writes with `write(2)`; `backtrace` and `dladdr` are looked up once at start, as the C
/// library's `Glibc` module does not export them.
enum TrapReporter {
    static let source = #"""

    enum __SwiftbookTrapReporter {
        private struct DynamicInfo {
            var fileName: UnsafePointer<CChar>?
            var fileBase: UnsafeMutableRawPointer?
            var symbolName: UnsafePointer<CChar>?
            var symbolAddress: UnsafeMutableRawPointer?
        }
        private typealias Backtrace = @convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>?, Int32) -> Int32
        private typealias DynamicAddress = @convention(c) (UnsafeRawPointer?, UnsafeMutableRawPointer?) -> Int32
        private static var backtrace: Backtrace?
        private static var dynamicAddress: DynamicAddress?
        private static var imageBase: UInt = 0
        private static let frames = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: 64)
        private static let line = UnsafeMutablePointer<UInt8>.allocate(capacity: 2048)
        private static var markerLength = 0

        static func install(marker: String) {
            #if os(Linux)
            let library = dlopen(nil, RTLD_NOW)
            backtrace = dlsym(library, "backtrace").map { unsafeBitCast($0, to: Backtrace.self) }
            dynamicAddress = dlsym(library, "dladdr").map { unsafeBitCast($0, to: DynamicAddress.self) }
            let here: @convention(c) () -> Void = {}
            imageBase = base(of: unsafeBitCast(here, to: UnsafeRawPointer.self))
            _ = backtrace?(frames, 1)  // loads the unwinder now, not inside the handler
            for byte in marker.utf8.prefix(256) { line[markerLength] = byte; markerLength += 1 }
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, _, context in __SwiftbookTrapReporter.report(signal, context) }
            action.sa_flags = Int32(SA_SIGINFO)
            for signal in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE] { sigaction(signal, &action, nil) }
            #endif
        }

        private static func base(of address: UnsafeRawPointer?) -> UInt {
            var info = DynamicInfo()
            guard let dynamicAddress, dynamicAddress(address, &info) != 0 else { return 0 }
            return UInt(bitPattern: info.fileBase)
        }

        private static func report(_ signalNumber: Int32, _ context: UnsafeMutableRawPointer?) {
            #if os(Linux)
            var pc: UInt = 0
            if let context {
                let machine = context.assumingMemoryBound(to: ucontext_t.self).pointee.uc_mcontext
                #if arch(x86_64)
                pc = UInt(bitPattern: Int(machine.gregs.16))
                #elseif arch(arm64)
                pc = UInt(machine.pc)
                #endif
            }
            var length = markerLength
            append(" ", &length)
            appendHex(pc &- imageBase, &length)
            let count = Int(backtrace?(frames, 64) ?? 0)
            for index in 0..<count where base(of: frames[index]) == imageBase {
                append(" ", &length)
                appendHex(UInt(bitPattern: frames[index]) &- imageBase &- 1, &length)
            }
            append(\#(swiftStringLiteral(CellMarker.closing)), &length)
            fflush(stdout)
            _ = write(1, line, length)
            signal(signalNumber, SIG_DFL)
            raise(signalNumber)
            #endif
        }

        private static func append(_ text: StaticString, _ length: inout Int) {
            for index in 0..<text.utf8CodeUnitCount where length < 2040 {
                line[length] = text.utf8Start[index]
                length += 1
            }
        }

        private static func appendHex(_ value: UInt, _ length: inout Int) {
            var digits = 1
            while digits < 16 && value >> (4 * UInt(digits)) != 0 { digits += 1 }
            guard length + digits < 2040 else { return }
            for index in 0..<digits {
                let digit = UInt8((value >> (4 * UInt(digits - 1 - index))) & 15)
                line[length + index] = digit < 10 ? 48 + digit : 87 + digit
            }
            length += digits
        }
    }

    """#
}
