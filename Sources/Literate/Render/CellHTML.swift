/// The HTML of one swift cell and its recorded output.
///
/// ```html
/// <div class="cell">                                     (+ " cell-not-run" / " cell-fails")
///   <p class="cell-label">Not run</p>                     (no-run cells only)
///   <pre class="code"><code class="language-swift">...highlighted...</code></pre>
///   <figure class="cell-output">
///     <figcaption>Output</figcaption>                    ("Error (expected)" for fails cells)
///     <pre class="output"><samp>...escaped...</samp></pre>
///   </figure>
/// </div>
/// ```
/// The caption labels the output for screen readers and sighted readers alike; `fails` outputs
/// also get the class `error`. Code and output are always escaped. A cell with a `failure` (only
/// in `swiftbook preview`) shows it in place of the output, captioned "Error" with the class
/// `output error cell-failure`.
enum CellHTML {
    /// The HTML of a cell with `source` and, when one is recorded, its `output`.
    static func render(source: String, output: String?, display: CellDisplay) -> String {
        var classes = "cell"
        if display.isNotRun { classes += " cell-not-run" }
        if display.isExpectedToFail { classes += " cell-fails" }
        var html = "<div class=\"\(classes)\">\n"
        if display.isNotRun {
            html += "<p class=\"cell-label\">Not run</p>\n"
        }
        html += "<pre class=\"code\"><code class=\"language-swift\">"
        html += SwiftHighlighter.highlight(trimmingFinalNewline(source))
        html += "</code></pre>\n"
        if let failure = display.failure {
            html += "<figure class=\"cell-output\">\n<figcaption>Error</figcaption>\n"
            html += "<pre class=\"output error cell-failure\"><samp>\(escapeHTML(trimmingFinalNewline(failure)))</samp></pre>\n"
            html += "</figure>\n"
        } else if let output {
            let caption = display.isExpectedToFail ? "Error (expected)" : "Output"
            let outputClass = display.isExpectedToFail ? "output error" : "output"
            html += "<figure class=\"cell-output\">\n"
            html += "<figcaption>\(caption)</figcaption>\n"
            html += "<pre class=\"\(outputClass)\"><samp>\(escapeHTML(trimmingFinalNewline(output)))</samp></pre>\n"
            html += "</figure>\n"
        }
        html += "</div>\n"
        return html
    }

    private static func trimmingFinalNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
