import Foundation

extension SiteRenderer {
    /// Renders every translated edition (all but the first of `editions`) as the files of its
    /// language folder in the site, with the same checks as the source chapters (chapters load,
    /// references resolve within the edition, formulas typeset, images exist), and adds them to
    /// `files` and `assets`. Throws a `RenderFailure` with every problem; nothing is added then.
    func renderTranslations(_ editions: SiteEditions, into files: inout [String: String],
                            assets: inout [String: URL]) throws {
        var errors: [any Error] = []
        var pandocMissing = false
        var built: [(files: [String: String], assets: [String: URL])] = []
        for edition in editions.editions.dropFirst() {
            var sources: [ChapterSource] = []
            for file in edition.files {
                do {
                    sources.append(try ChapterSource(loading: ChapterOrder.displayPath(file)))
                } catch {
                    errors.append(error)
                }
            }
            let pageNames = Self.pageNames(for: edition.files, errors: &errors)
            let references = BookReferences(sources: sources)
            errors += references.errors
            let images = collectImages(in: sources, errors: &errors)
            let mathML = typesetMath(in: sources, errors: &errors, converterMissing: &pandocMissing)
            let site = buildPages(sources: sources, pageNames: pageNames, targets: references.targets, mathML: mathML,
                                  editions: editions, edition: edition)
            built.append((site.files.mapKeys { edition.folder + $0 }, images.mapKeys { edition.folder + $0 }))
        }
        if !errors.isEmpty { throw RenderFailure(errors: errors, exitStatus: pandocMissing ? 2 : 1) }
        for edition in built {
            files.merge(edition.files) { _, new in new }
            assets.merge(edition.assets) { _, new in new }
        }
    }
}

private extension Dictionary where Key == String {
    func mapKeys(_ transform: (String) -> String) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
