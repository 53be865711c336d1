#!/usr/bin/env bash
# Browser test of a rendered swiftbook site.
#
# Usage: Tests/Browser/browser-test.sh SITE_DIR [SCREENSHOT_DIR]
#        (SCREENSHOT_DIR defaults to .build/browser-test)
#
# Loads index.html and every chapter page it links to in headless Chromium (Debian package
# `chromium`; Scripts/setup-system --browser installs it) and fails when
#   - a page linked from the index, or a local file or #anchor linked from any page, is missing;
#   - a page logs anything to the browser console (only the search page has a script, so any
#     console message, such as an uncaught error or a blocked resource, is a fault);
#   - a page's DOM comes back empty;
#   - an image has no alt text (that its file is in the site is checked with the other links);
#   - a formula is not MathML (every `.math` element of a chapter must hold a <math> element);
#   - no numbered reference ("Section 1.2", "Equation (2.1)") links to an element that exists;
#   - search.html?q=module (from file://) lists no results, or a search for a word found only in
#     one chapter (SEARCH_ONLY_WORD, default Fourier, in SEARCH_ONLY_PAGE, default
#     custom-layers.html) does not list that chapter first.
#   - the site has figures (figures/*.svg) but no page shows one as an <img> with alt text.
#   - a language edition (a folder such as ja/ that the language switcher links to) is missing a
#     page its index links to, a page's <html lang> is not its edition's language, a switcher link
#     does not lead to a page in the language it names (the same chapter when that edition has it),
#     or SEARCH_<lang> (default: モジュール for ja, 模块 for zh) finds nothing in that edition.
# For every page it saves three screenshots: desktop (1280 px wide), phone (390 px wide) and
# desktop in dark mode, as SCREENSHOT_DIR/<page>.{desktop,phone,dark}.png, plus <page>.full.png
# (the whole page, 16000 px tall) for pages with math, and search-module.desktop.png.
# Only bash, coreutils, grep and sed besides Chromium: the project does not depend on Python.
set -uo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: $0 SITE_DIR [SCREENSHOT_DIR]" >&2
    exit 2
fi
site=$(cd "$1" 2>/dev/null && pwd) || { echo "$1: error: no such site folder" >&2; exit 2; }
shots=${2:-.build/browser-test}
mkdir -p "$shots" && shots=$(cd "$shots" && pwd)

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z "$browser" ]]; then
    echo "error: Chromium is not installed; run Scripts/setup-system --browser (or apt-get install chromium)" >&2
    exit 2
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Runs Chromium headless on one URL with extra flags; stdout is the browser's stdout,
# the log goes to the file named by $log.
chromium_run() {
    local url=$1; shift
    timeout 90 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --no-first-run --no-default-browser-check --disable-extensions \
        --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@" "$url" 2>>"$log"
}

# The local targets (file and optional #fragment) of href/src attributes in a DOM dump.
local_links() {
    grep -oE '(href|src)="[^"]*"' "$1" | sed -E 's/^(href|src)="//; s/"$//' \
        | grep -vE '^(https?:|mailto:|data:|//)' | sort -u
}

# A fragment as the browser matches it against ids: percent-decoded (`#%E6%BC%94` is `#演`).
decode() { printf '%b' "${1//%/\\x}"; }

[[ -f "$site/index.html" ]] || { echo "$site/index.html: error: the site has no index page" >&2; exit 1; }

dom_dir="$profile/dom"
mkdir -p "$dom_dir"
log="$profile/index.log"
chromium_run "file://$site/index.html" --dump-dom > "$dom_dir/index.html"
pages=(index.html)
while IFS= read -r target; do
    page=${target%%#*}
    [[ "$page" == *.html && "$page" != index.html && "$page" != */* ]] || continue
    [[ " ${pages[*]} " == *" $page "* ]] || pages+=("$page")
done < <(local_links "$dom_dir/index.html")
if [[ ${#pages[@]} -lt 2 ]]; then
    fail "index.html links to no chapter pages"
fi
pages+=(search.html)
# Language editions: the folders the index's language switcher links to, each with its own index,
# chapter pages and search page.
languages=()
while IFS= read -r edition; do
    languages+=("$edition")
    log="$profile/$edition-index.log"
    chromium_run "file://$site/$edition/index.html" --dump-dom > "$dom_dir/$edition-index.html"
    pages+=("$edition/index.html")
    while IFS= read -r target; do
        page=${target%%#*}
        [[ "$page" == *.html && "$page" != index.html && "$page" != */* ]] || continue
        [[ " ${pages[*]} " == *" $edition/$page "* ]] || pages+=("$edition/$page")
    done < <(local_links "$dom_dir/$edition-index.html")
    pages+=("$edition/search.html")
done < <(grep -oE '<a href="[^"/]+/index.html" hreflang="[^"]+"' "$dom_dir/index.html" | sed -E 's/^<a href="([^"/]+)\/.*/\1/' | sort -u)
echo "    editions besides the source language: ${languages[*]:-none}" >&2

for page in "${pages[@]}"; do
    failures_before=$failures
    name=${page%.html}
    name=${name//\//-}
    folder=$(dirname "$page")
    url="file://$site/$page"
    if [[ ! -f "$site/$page" ]]; then
        fail "$page is linked from the index but missing from $site"
        continue
    fi
    log="$profile/$name.log"
    : > "$log"
    mkdir -p "$dom_dir/$folder"
    chromium_run "$url" --dump-dom > "$dom_dir/$page"
    if ! grep -q '</html>' "$dom_dir/$page"; then
        fail "$page: the browser returned no document"
    fi
    chromium_run "$url" --window-size=1280,2000 --screenshot="$shots/$name.desktop.png" > /dev/null
    chromium_run "$url" --window-size=390,1600 --screenshot="$shots/$name.phone.png" > /dev/null
    chromium_run "$url" --window-size=1280,2000 --force-dark-mode --blink-settings=preferredColorScheme=0 \
        --screenshot="$shots/$name.dark.png" > /dev/null
    for kind in desktop phone dark; do
        [[ -s "$shots/$name.$kind.png" ]] || fail "$page: no $kind screenshot was written"
    done
    if grep -q ':CONSOLE' "$log"; then
        fail "$page: console messages:"
        grep ':CONSOLE' "$log" | sed -E 's/^\[[^]]*\] /    /' | sort -u >&2
    fi
    while IFS= read -r target; do
        file=${target%%#*}
        fragment=
        [[ "$target" == *#* ]] && fragment=$(decode "${target#*#}")
        [[ -z "$file" ]] && file=${page##*/}
        # Links are relative to the page's folder (ja/x.html links ../x.html).
        file=$(realpath -m --relative-to="$site" "$site/$folder/$file")
        if [[ ! -e "$site/$file" ]]; then
            fail "$page links to $target, which is not in the site"
        elif [[ -n "$fragment" && "$file" == *.html ]] && ! grep -qF "id=\"$fragment\"" "$site/$file"; then
            fail "$page links to $target, but $file has no element with id \"$fragment\""
        fi
    done < <(local_links "$dom_dir/$page")
    # The page's language is its edition's; every switcher link leads to a page in the language it names.
    expected_lang=en
    [[ "$folder" != . ]] && expected_lang=$folder
    grep -qE "<html lang=\"$expected_lang\"" "$dom_dir/$page" || fail "$page: <html lang> is not \"$expected_lang\""
    switched=0
    while IFS=' ' read -r href lang; do
        target=$(realpath -m --relative-to="$site" "$site/$folder/$href")
        if ! grep -qE "<html lang=\"$lang\"" "$site/$target" 2>/dev/null; then
            fail "$page: the language switcher's $lang link ($href) does not lead to a $lang page"
        elif [[ "${target##*/}" != "${page##*/}" && "${target##*/}" != index.html ]]; then
            fail "$page: the language switcher's $lang link leads to $target, not the same page"
        fi
        switched=$((switched + 1))
    done < <(grep -oE '<nav class="languages".*</nav>' "$dom_dir/$page" | grep -oE '<a href="[^"]*" hreflang="[^"]*"' \
             | sed -E 's/^<a href="([^"]*)" hreflang="([^"]*)"/\1 \2/')
    if [[ ${#languages[@]} -gt 0 && $switched -ne ${#languages[@]} ]]; then
        fail "$page: the language switcher links $switched other languages, expected ${#languages[@]}"
    fi
    if [[ "${page##*/}" != index.html && "${page##*/}" != search.html ]]; then
        formulas=$(grep -oE 'class="math (inline|display)"' "$dom_dir/$page" | wc -l)
        typeset=$(grep -oE 'class="math (inline|display)"( id="[^"]*")?><math ' "$dom_dir/$page" | wc -l)
        [[ $formulas -eq $typeset ]] || fail "$page: only $typeset of $formulas formulas are MathML"
        if [[ $formulas -gt 0 ]]; then
            echo "    $page: $formulas formulas, all MathML (see $name.full.png)" >&2
            # The whole page, so the screenshots show every formula, however far down it is.
            chromium_run "$url" --window-size=1280,16000 --screenshot="$shots/$name.full.png" > /dev/null
        fi
        images=$(grep -oE '<img [^>]*>' "$dom_dir/$page" | wc -l)
        with_alt=$(grep -oE '<img [^>]*alt="[^"]+"[^>]*>' "$dom_dir/$page" | wc -l)
        [[ $images -eq $with_alt ]] || fail "$page: $((images - with_alt)) of $images images have no alt text"
        [[ $images -gt 0 ]] && echo "    $page: $images images, all with alt text and present in the site" >&2
    fi
    [[ $failures -eq $failures_before ]] && echo "ok: $page" >&2
done

# A numbered reference is followed to its target: the link exists and so does the element it names.
reached=0
for page in "${pages[@]}"; do
    while IFS= read -r target; do
        [[ -z "$target" ]] && continue
        file=${target%%#*}
        if [[ -z "$file" ]]; then
            file=$page
        elif [[ "$page" == */* ]]; then
            file=$(realpath -m --relative-to="$site" "$site/$(dirname "$page")/$file")
        fi
        if grep -qF "id=\"$(decode "${target#*#}")\"" "$site/$file"; then
            reached=$((reached + 1))
        else
            fail "$page: the reference to $target finds no element with that id in $file"
        fi
    done < <(grep -oE '<a href="[^"]*#[^"]+">(Section [0-9.]+|Equation \([0-9.]+\)|Figure [0-9.]+)</a>' "$dom_dir/$page" \
             | sed -E 's/^<a href="([^"]*)".*/\1/' | sort -u)
done
if [[ $reached -eq 0 ]]; then
    fail "no page has a numbered reference (\"Section 1.2\", \"Equation (1.3)\") that reaches its target"
else
    echo "ok: $reached numbered references reach their targets" >&2
fi

# Search from file://, as a link would open it.
log="$profile/search-query.log"
: > "$log"
chromium_run "file://$site/search.html?q=module" --dump-dom > "$dom_dir/search-module.html"
chromium_run "file://$site/search.html?q=module" --window-size=1280,2000 --screenshot="$shots/search-module.desktop.png" > /dev/null
hits=$(grep -oE '<li><a href="[^"]+">' "$dom_dir/search-module.html" | wc -l)
if [[ $hits -eq 0 ]] || ! grep -q '<mark>' "$dom_dir/search-module.html"; then
    fail "search.html?q=module lists no results with marked words"
else
    echo "ok: search.html?q=module lists $hits sections" >&2
fi
grep -q ':CONSOLE' "$log" && fail "search.html?q=module: console messages: $(grep ':CONSOLE' "$log" | head -3)"
only_word=${SEARCH_ONLY_WORD:-Fourier}
only_page=${SEARCH_ONLY_PAGE:-custom-layers.html}
chromium_run "file://$site/search.html?q=$only_word" --dump-dom > "$dom_dir/search-only.html"
first=$(grep -oE '<li><a href="[^"]+">' "$dom_dir/search-only.html" | head -1 | sed -E 's/^<li><a href="([^"#]*).*/\1/')
if [[ "$first" != "$only_page" ]]; then
    fail "search.html?q=$only_word lists ${first:-nothing} first, expected $only_page"
else
    echo "ok: search.html?q=$only_word lists $only_page first" >&2
fi

# Figures: every chapter's SVGs are copied to figures/; the pages show them as images (their
# files exist: the local link check above covers src), each with alt text from its title.
if compgen -G "$site/figures/*.svg" > /dev/null; then
    shown=$(cat "$dom_dir"/*.html | grep -oE '<img [^>]*src="figures/[^"]*\.svg"[^>]*>' | sort -u)
    if [[ -z "$shown" ]]; then
        fail "the site has figures in figures/ but no page shows one"
    elif grep -vqE 'alt="[^"]+"' <<< "$shown"; then
        fail "a figure is shown without alt text: $(grep -vE 'alt="[^"]+"' <<< "$shown" | head -1)"
    else
        echo "ok: $(wc -l <<< "$shown") figure(s) shown" >&2
    fi
fi
# Each edition searches its own chapters, in its own words.
for edition in "${languages[@]}"; do
    default_word=
    case $edition in
        ja) default_word=%E3%83%A2%E3%82%B8%E3%83%A5%E3%83%BC%E3%83%AB ;;   # モジュール
        zh*) default_word=%E6%A8%A1%E5%9D%97 ;;                              # 模块
        *) default_word=module ;;
    esac
    variable="SEARCH_${edition//-/_}"
    word=${!variable:-$default_word}
    log="$profile/search-$edition.log"
    : > "$log"
    chromium_run "file://$site/$edition/search.html?q=$word" --dump-dom > "$dom_dir/search-$edition.html"
    chromium_run "file://$site/$edition/search.html?q=$word" --window-size=1280,2000 \
        --screenshot="$shots/$edition-search.desktop.png" > /dev/null
    hits=$(grep -oE '<li><a href="[^"/]+\.html#[^"]*">' "$dom_dir/search-$edition.html" | wc -l)
    if [[ $hits -eq 0 ]] || ! grep -q '<mark>' "$dom_dir/search-$edition.html"; then
        fail "$edition/search.html?q=$word lists no results in its own edition"
    else
        echo "ok: $edition/search.html?q=$word lists $hits sections" >&2
    fi
    grep -q ':CONSOLE' "$log" && fail "$edition/search.html: console messages: $(grep ':CONSOLE' "$log" | head -3)"
done

if [[ $failures -gt 0 ]]; then
    echo "browser test: $failures failure(s) in ${#pages[@]} page(s)" >&2
    exit 1
fi
echo "browser test: ${#pages[@]} page(s), references and search passed; screenshots in $shots" >&2
