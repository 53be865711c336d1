/// The site's stylesheet, written to `style.css` next to the pages.
///
/// System font stacks only (no web fonts, nothing fetched from the network), a readable
/// measure of about 70 characters, a table of contents that sits beside the text on wide
/// screens and above it on phones, light and dark colours from `prefers-color-scheme`, and
/// print rules that drop navigation and keep code blocks unbroken where possible.
enum Stylesheet {
    /// The CSS text.
    static let css = """
    /* swiftbook site stylesheet (generated; edit Sources/Literate/Render/Stylesheet.swift) */
    :root {
      color-scheme: light dark;
      --text: #1d1d1f;
      --muted: #5b5b66;
      --background: #ffffff;
      --surface: #f5f5f7;
      --border: #d9d9e0;
      --link: #0b5cad;
      --accent: #c2410c;
      --output-background: #eef6ee;
      --output-border: #5b8a5b;
      --error-background: #fdf0f0;
      --error-border: #b42318;
      --error-text: #8a1c12;
      --tok-keyword: #a90d91;
      --tok-type: #0b6e99;
      --tok-identifier: #1d1d1f;
      --tok-label: #6c3fb0;
      --tok-string: #b0280f;
      --tok-number: #1c00cf;
      --tok-comment: #5d6c79;
      --tok-attribute: #946300;
      --tok-operator: #444;
      --prose-font: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue",
        "Noto Sans", "DejaVu Sans", Arial, sans-serif;
      --code-font: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono",
        "DejaVu Sans Mono", monospace;
      --math-font: "STIX Two Math", "Cambria Math", "Latin Modern Math", "DejaVu Math TeX Gyre", math, "DejaVu Serif", serif;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --text: #e6e6ea;
        --muted: #a0a0ab;
        --background: #16161a;
        --mark: #5a4a00;
        --surface: #212127;
        --border: #3a3a44;
        --link: #7ab7ff;
        --accent: #fb923c;
        --output-background: #1a261c;
        --output-border: #6fa86f;
        --error-background: #2c1717;
        --error-border: #f87171;
        --error-text: #fca5a5;
        --tok-keyword: #ff7ab2;
        --tok-type: #6bdfff;
        --tok-identifier: #e6e6ea;
        --tok-label: #c7a4ff;
        --tok-string: #ff8170;
        --tok-number: #d9c97c;
        --tok-comment: #8a99a6;
        --tok-attribute: #e5a85c;
        --tok-operator: #c8c8d0;
      }
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body {
      margin: 0;
      background: var(--background);
      color: var(--text);
      font-family: var(--prose-font);
      font-size: 1.0625rem;
      line-height: 1.6;
    }
    a { color: var(--link); text-underline-offset: 0.15em; }
    a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    .skip-link { position: absolute; left: -9999px; }
    .skip-link:focus { left: 1rem; top: 1rem; background: var(--background); padding: 0.5rem; z-index: 1; }
    .site-header {
      border-bottom: 1px solid var(--border);
      padding: 0.75rem 1.25rem;
      font-size: 0.95rem;
    }
    .site-header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; }
    .site-header a { font-weight: 600; text-decoration: none; }
    .search-form input { font: inherit; padding: 0.25rem 0.5rem; border: 1px solid var(--border); border-radius: 4px;
      background: var(--background); color: var(--text); width: 12rem; max-width: 100%; }
    .search-results { padding-left: 1.25rem; }
    .search-results li { margin: 0 0 1rem; }
    .search-results p { margin: 0.25rem 0 0; color: var(--muted); }
    .search-chapter { margin-left: 0.5rem; font-size: 0.85rem; color: var(--muted); }
    .search-chapter::before { content: "· "; }
    mark { background: var(--mark, #fff3a8); color: inherit; }
    .number { font-variant-numeric: tabular-nums; margin-right: 0.35em; color: var(--muted); }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 46rem);
      justify-content: center;
      gap: 0 2.5rem;
      max-width: 72rem;
      margin: 0 auto;
      padding: 0 1.25rem 3rem;
    }
    main { min-width: 0; max-width: 46rem; width: 100%; }
    h1, h2, h3, h4 { line-height: 1.25; margin: 2rem 0 0.75rem; scroll-margin-top: 1rem; }
    h1 { font-size: 2rem; margin-top: 1.5rem; }
    h2 { font-size: 1.5rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--border); }
    h3 { font-size: 1.2rem; }
    p, ul, ol, blockquote, table { margin: 0 0 1rem; }
    blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid var(--border); color: var(--muted); }
    img { max-width: 100%; height: auto; }
    hr { border: 0; border-top: 1px solid var(--border); margin: 2rem 0; }
    code, pre, samp { font-family: var(--code-font); font-size: 0.875rem; }
    :not(pre) > code {
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 4px;
      padding: 0.05em 0.3em;
      overflow-wrap: anywhere;
    }
    pre {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      overflow-x: auto;
      line-height: 1.45;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 6px;
      tab-size: 4;
    }
    .cell { margin: 1.25rem 0; }
    .cell pre.code { margin-bottom: 0; }
    .cell-label {
      display: inline-block;
      margin: 0 0 0.25rem;
      padding: 0 0.5rem;
      font-size: 0.8rem;
      color: var(--muted);
      border: 1px dashed var(--border);
      border-radius: 4px;
    }
    .cell-not-run pre.code { border-style: dashed; }
    .cell-output { margin: 0.5rem 0 0; }
    .cell-output figcaption {
      font-size: 0.75rem;
      text-transform: uppercase;
      letter-spacing: 0.06em;
      color: var(--muted);
      margin: 0 0 0.15rem 0.25rem;
    }
    pre.output {
      background: var(--output-background);
      border: 0;
      border-left: 4px solid var(--output-border);
      border-radius: 0 6px 6px 0;
    }
    pre.output.error {
      white-space: pre-wrap;  /* error messages read as prose; tensors (plain outputs) keep their columns */
      overflow-wrap: anywhere;
      background: var(--error-background);
      border-left-color: var(--error-border);
      color: var(--error-text);
    }
    .raw-html { white-space: pre-wrap; font-family: var(--code-font); font-size: 0.875rem; color: var(--muted); }
    /* MathML typeset by pandoc at build time; a math font if the reader has one, else the browser's. */
    .math, math { font-family: var(--math-font); }
    math[display="block"] { display: block; }
    div.math { margin: 1rem 0; padding: 0.5rem 0; text-align: center; overflow-x: auto; position: relative; }
    .equation-number { position: absolute; right: 0; top: 50%; transform: translateY(-50%); }
    figure:not(.cell-output) { margin: 1.5rem 0; text-align: center; }
    figure img { max-width: 100%; height: auto; }
    figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.5rem; }
    .tok-keyword { color: var(--tok-keyword); font-weight: 600; }
    .tok-type { color: var(--tok-type); }
    .tok-identifier { color: var(--tok-identifier); }
    .tok-label { color: var(--tok-label); }
    .tok-string { color: var(--tok-string); }
    .tok-number { color: var(--tok-number); }
    .tok-comment { color: var(--tok-comment); font-style: italic; }
    .tok-attribute, .tok-directive { color: var(--tok-attribute); }
    .tok-operator { color: var(--tok-operator); }
    table { border-collapse: collapse; display: block; overflow-x: auto; }
    th, td { border: 1px solid var(--border); padding: 0.3rem 0.6rem; }
    .toc { font-size: 0.9rem; margin: 1.5rem 0 0; }
    .toc details { border: 1px solid var(--border); border-radius: 6px; padding: 0.5rem 0.9rem; }
    .toc summary { cursor: pointer; font-weight: 600; }
    .toc ol { list-style: none; padding-left: 0; margin: 0.5rem 0 0; }
    .toc ol ol { padding-left: 1rem; margin: 0; }
    .toc li { margin: 0.2rem 0; }
    .toc a { text-decoration: none; color: var(--text); }
    .toc a:hover { color: var(--link); text-decoration: underline; }
    .pager {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 1rem;
      margin-top: 3rem;
      padding-top: 1rem;
      border-top: 1px solid var(--border);
    }
    .pager a { display: block; max-width: 48%; text-decoration: none; }
    .pager .next { margin-left: auto; text-align: right; }
    .pager span { display: block; font-size: 0.8rem; color: var(--muted); }
    .chapter-list { padding-left: 1.75rem; }
    .chapter-list li { margin: 0 0 1.25rem; }
    .chapter-list li::marker { color: var(--muted); font-weight: 600; }
    .chapter-list a { font-size: 1.2rem; font-weight: 600; }
    .chapter-list .summary { margin: 0.25rem 0 0; color: var(--muted); font-size: 0.95rem; }
    @media (min-width: 64rem) {
      .layout { grid-template-columns: minmax(0, 46rem) 15rem; justify-content: center; }
      .layout > main { grid-column: 1; grid-row: 1; }
      .toc { grid-column: 2; grid-row: 1; align-self: start; position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding-top: 1rem; }
      .toc details { border: 0; padding: 0; }
      /* Wide screens always show the contents; the <details> only folds them away on phones. */
      .toc details::details-content { content-visibility: visible; display: block; }
      .toc summary { list-style: none; pointer-events: none; cursor: default; }
      .toc summary::-webkit-details-marker { display: none; }
    }
    @media (max-width: 30rem) {
      body { font-size: 1rem; }
      h1 { font-size: 1.6rem; }
      .layout { padding: 0 0.9rem 2rem; }
      pre { padding: 0.6rem 0.7rem; font-size: 0.8rem; }
      .pager a { max-width: 100%; }
    }
    @media print {
      :root { color-scheme: light; }
      body { background: #fff; color: #000; font-size: 11pt; }
      .site-header, .toc, .pager, .skip-link { display: none; }
      .layout { display: block; max-width: none; padding: 0; }
      main { max-width: none; }
      a { color: inherit; }
      pre { white-space: pre-wrap; break-inside: avoid; border-color: #999; background: #fff; }
      pre.output { background: #f3f3f3; }
      h1, h2, h3 { break-after: avoid; }
    }
    """
}
