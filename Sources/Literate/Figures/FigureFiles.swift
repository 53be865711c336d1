import Foundation

/// The SVG files of one chapter's figures in the `figures` folder beside it.
///
/// `run` writes the file of every cell that shows a figure (atomically: a temporary file in the
/// same folder renamed over it, and only when its bytes change) and removes the file of every
/// cell that ran without showing one, and of cell numbers the chapter no longer has. Only
/// files named `<chapter>-cell<N>.svg` for this chapter are ever touched; the folder is made
/// when a first figure needs it and left in place.
struct FigureFiles {
    /// The chapter's path, as given.
    let chapterPath: String

    var folder: URL { URL(fileURLWithPath: chapterPath).deletingLastPathComponent().appendingPathComponent(FigureLink.folderName) }
    var stem: String { FigureLink.chapterStem(ofPath: chapterPath) }

    func url(ofCell cell: Cell.ID) -> URL { folder.appendingPathComponent(FigureLink.fileName(chapterStem: stem, cell: cell)) }

    /// Writes or removes the files of the given cells (SVG, or nil to remove), and removes the
    /// files of cells past the chapter's `cellCount`. Returns a message per file it could not change.
    func update(_ figures: [Cell.ID: String?], cellCount: Int) -> [String] {
        let manager = FileManager.default
        var failures: [String] = []
        var removals = figures.filter { $0.value == nil }.map(\.key)
        let names = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        removals += names.compactMap { FigureLink.cell(ofFileName: $0, chapterStem: stem) }.filter { $0.number > cellCount }
        for cell in Set(removals).sorted() where manager.fileExists(atPath: url(ofCell: cell).path) {
            do { try manager.removeItem(at: url(ofCell: cell)) } catch {
                failures.append("cannot remove the figure \(url(ofCell: cell).path): \(error.localizedDescription)")
            }
        }
        for (cell, svg) in figures.sorted(by: { $0.key < $1.key }) {
            guard let svg else { continue }
            let data = Data(svg.utf8)
            let target = url(ofCell: cell)
            if (try? Data(contentsOf: target)) == data { continue }
            do {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true)
                let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
                try data.write(to: temporary)
                if rename(temporary.path, target.path) != 0 {
                    let reason = String(cString: strerror(errno))
                    try? manager.removeItem(at: temporary)
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
                }
            } catch {
                failures.append("cannot write the figure \(target.path): \(error.localizedDescription)")
            }
        }
        return failures
    }
}
