/// The site's stylesheet, written to `style.css` next to the pages.
///
/// System font stacks only (no web fonts, nothing fetched from the network), a readable
/// measure of about 70 characters, a table of contents that sits beside the text on wide
/// screens and above it on phones, light and dark colours from `prefers-color-scheme`, and
/// print rules that drop navigation and keep code blocks unbroken where possible.
///
/// The CSS is `style.css` beside this file. SwiftPM compiles it into the library as bytes
/// (`resources: [.embedInCode(...)]` in Package.swift, read here as `PackageResources.style_css`),
/// so no resource bundle is looked up when the tool runs: a `swiftbook` binary that was copied
/// elsewhere, or built into another package's `.build` by `swift run`, has its stylesheet
/// with it. (A `.copy` resource read through `Bundle.module` is a folder beside the executable;
/// a copied binary finds it only at the absolute path of the build it came from, and a missing
/// bundle stops the program.)
enum Stylesheet {
    /// The CSS text: `style.css` as written, without its final line break.
    static let css: String = {
        let text = String(decoding: PackageResources.style_css, as: UTF8.self)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }()
}
