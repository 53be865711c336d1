/// Writes a chapter's new bytes without ever losing an edit made while its cells ran.
///
/// The rule: the file is only ever replaced when it still holds exactly the bytes the new text
/// was made from (`base`). Checked twice: before the temporary file is made, and at the swap
/// itself. Where the system can swap two files in one step (`renameat2` with `RENAME_EXCHANGE`
/// on Linux), the old file comes back under the temporary name and is compared; if it is not
/// `base` after all, the swap is undone at once, so the author's bytes are back in place. Where it
/// cannot, the file is read again right before an ordinary `rename`, which leaves a window of
/// microseconds instead of the whole run.
///
/// When the file changed, `rebase` is asked to redo the edit on the new bytes (the runner does
/// when the new text's cells are the same, so the outputs still belong to them); when it cannot,
/// the chapter is refused with `ChapterWriteError.changedOnDisk`.
enum ChapterWriter {
    /// What was done.
    struct Result: Equatable {
        /// Whether the file was replaced.
        var written: Bool
        /// The bytes the file holds now, as far as this write knows: the new text, or the bytes
        /// found on disk when nothing needed writing.
        var bytes: [UInt8]
    }

    /// Replaces the chapter at `path` (a symbolic link is written through, beside its target) by
    /// `bytes`, made from `base`.
    ///
    /// - Parameter rebase: given the bytes now on disk (not `base`), the bytes to write instead,
    ///   or nil to refuse.
    /// - Parameter beforeSwap: called once the temporary file is ready, right before the swap (tests
    ///   write the chapter there to hit the last window).
    /// - Throws: `ChapterWriteError`; the file is then unchanged.
    static func write(_ bytes: [UInt8], madeFrom base: [UInt8], to path: String,
                      rebase: ([UInt8]) -> [UInt8]?, beforeSwap: () -> Void = {})
        throws -> Result {
        var base = base, bytes = bytes
        // A few rounds: each one only repeats when someone wrote the file in between.
        for _ in 0..<5 {
            let file = try AtomicFile.target(of: path)
            let current = try AtomicFile.read(file)
            if current != base {
                guard let rebased = rebase(current) else { throw ChapterWriteError.changedOnDisk }
                base = current
                bytes = rebased
            }
            if bytes == current { return Result(written: false, bytes: current) }
            let mode = try AtomicFile.checkWritable(file)
            let temporary = try AtomicFile.temporary(beside: file, bytes: bytes, mode: mode)
            beforeSwap()
            guard !Interrupts.isInterrupted else {
                AtomicFile.discard(temporary)
                throw ChapterWriteError.failed(reason: "interrupted")
            }
            let exchanged: Bool
            do {
                exchanged = try AtomicFile.exchange(temporary, file)
            } catch {
                AtomicFile.discard(temporary)
                throw error
            }
            if exchanged {
                if (try? AtomicFile.read(temporary)) == base {
                    AtomicFile.discard(temporary)
                    return Result(written: true, bytes: bytes)
                }
                // Someone wrote the file after the check: give their bytes back, then start over.
                guard (try? AtomicFile.exchange(temporary, file)) == true else {
                    CleanupRegistry.shared.remove(temporary)
                    throw ChapterWriteError.failed(reason:
                        "the chapter changed during the write and could not be put back; its edited text is in \(temporary)")
                }
                AtomicFile.discard(temporary)
                continue
            }
            guard (try? AtomicFile.read(file)) == base else {
                AtomicFile.discard(temporary)
                continue
            }
            do {
                try AtomicFile.rename(temporary, over: file)
            } catch {
                AtomicFile.discard(temporary)
                throw error
            }
            return Result(written: true, bytes: bytes)
        }
        throw ChapterWriteError.changedOnDisk
    }
}
