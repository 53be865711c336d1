#!/usr/bin/env bash
# Browser test of a rendered swiftbook site.
#
# Usage: Tests/Browser/browser-test.sh SITE_DIR [SCREENSHOT_DIR]
#        (SCREENSHOT_DIR defaults to .build/browser-test)
#
# Loads index.html and every chapter page it links to in headless Chromium (Debian package
# `chromium`; Scripts/setup-system --browser installs it) and fails when
#   - a page linked from the index, or a local file or #anchor linked from any page, is missing;
#   - a page logs anything to the browser console (the site has no scripts, so any console
#     message, such as an uncaught error or a blocked resource, is a fault);
#   - a page's DOM comes back empty;
#   - the site has figures (figures/*.svg) but no page shows one as an <img> with alt text.
# For every page it saves three screenshots: desktop (1280 px wide), phone (390 px wide) and
# desktop in dark mode, as SCREENSHOT_DIR/<page>.{desktop,phone,dark}.png.
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

for page in "${pages[@]}"; do
    failures_before=$failures
    name=${page%.html}
    url="file://$site/$page"
    if [[ ! -f "$site/$page" ]]; then
        fail "$page is linked from the index but missing from $site"
        continue
    fi
    log="$profile/$name.log"
    : > "$log"
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
        [[ "$target" == *#* ]] && fragment=${target#*#}
        [[ -z "$file" ]] && file=$page
        if [[ ! -e "$site/$file" ]]; then
            fail "$page links to $target, which is not in the site"
        elif [[ -n "$fragment" && "$file" == *.html ]] && ! grep -qF "id=\"$fragment\"" "$site/$file"; then
            fail "$page links to $target, but $file has no element with id \"$fragment\""
        fi
    done < <(local_links "$dom_dir/$page")
    [[ $failures -eq $failures_before ]] && echo "ok: $page" >&2
done

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

if [[ $failures -gt 0 ]]; then
    echo "browser test: $failures failure(s) in ${#pages[@]} page(s)" >&2
    exit 1
fi
echo "browser test: ${#pages[@]} page(s) passed; screenshots in $shots" >&2
