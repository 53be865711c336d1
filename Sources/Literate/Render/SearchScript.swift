/// `search.js`, the site's only script: it runs on `search.html` alone and lists the sections
/// that contain every word of `?q=`, best first, each linked and with its words in context.
///
/// Ranking: a word in a section's title counts ten times a word in its text; ties keep book
/// order. Matching is by case-insensitive substring, so "module" also finds "modules". Results
/// are built with DOM calls and `textContent`, never `innerHTML`, so no chapter text can become
/// markup. Other pages never load it: they stay plain HTML with a search form.
enum SearchScript {
    /// The file name of the script in the site.
    static let fileName = "search.js"

    /// The script's source.
    static let javaScript = #"""
    // Offline search for a swiftbook site (written by swiftbook render).
    (function () {
      "use strict";
      var index = window.swiftbookSearchIndex || [];
      var query = new URLSearchParams(window.location.search).get("q") || "";
      var input = document.getElementById("search-query");
      var status = document.getElementById("search-status");
      var list = document.getElementById("search-results");
      if (input) { input.value = query; }
      var terms = query.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(function (term, position, all) {
        return term.length > 0 && all.indexOf(term) === position;
      });
      if (terms.length === 0) { status.textContent = "Type a word to search the chapters."; return; }

      function count(haystack, term) {
        var found = 0, at = haystack.indexOf(term);
        while (at !== -1) { found += 1; at = haystack.indexOf(term, at + term.length); }
        return found;
      }

      var results = [];
      index.forEach(function (entry, order) {
        var title = entry.title.toLowerCase(), text = entry.text.toLowerCase(), score = 0;
        for (var i = 0; i < terms.length; i++) {
          var hits = 10 * count(title, terms[i]) + count(text, terms[i]);
          if (hits === 0) { return; }
          score += hits;
        }
        results.push({ entry: entry, score: score, order: order });
      });
      results.sort(function (a, b) { return b.score - a.score || a.order - b.order; });

      // Appends the text around the first matching word, with every matching word in <mark>.
      function appendContext(parent, text) {
        var lower = text.toLowerCase(), first = -1;
        terms.forEach(function (term) {
          var at = lower.indexOf(term);
          if (at !== -1 && (first === -1 || at < first)) { first = at; }
        });
        if (first === -1) { first = 0; }
        var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, first - 60)) + 1);
        var end = text.indexOf(" ", Math.min(text.length, first + 140));
        if (end === -1) { end = text.length; }
        if (start > 0) { parent.appendChild(document.createTextNode("… ")); }
        var position = start;
        while (position < end) {
          var next = -1, length = 0;
          terms.forEach(function (term) {
            var at = lower.indexOf(term, position);
            if (at !== -1 && at < end && (next === -1 || at < next)) { next = at; length = term.length; }
          });
          if (next === -1) { parent.appendChild(document.createTextNode(text.slice(position, end))); break; }
          if (next > position) { parent.appendChild(document.createTextNode(text.slice(position, next))); }
          var mark = document.createElement("mark");
          mark.textContent = text.slice(next, next + length);
          parent.appendChild(mark);
          position = next + length;
        }
        if (end < text.length) { parent.appendChild(document.createTextNode(" …")); }
      }

      results.forEach(function (result) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = result.entry.url;
        link.textContent = result.entry.title;
        item.appendChild(link);
        var chapter = document.createElement("span");
        chapter.className = "search-chapter";
        chapter.textContent = result.entry.chapter;
        item.appendChild(chapter);
        var context = document.createElement("p");
        appendContext(context, result.entry.text || result.entry.title);
        item.appendChild(context);
        list.appendChild(item);
      });
      var noun = results.length === 1 ? " section matches " : " sections match ";
      status.textContent = results.length + noun + "\u201c" + query + "\u201d.";
    })();
    """#
}
