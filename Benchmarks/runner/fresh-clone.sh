#!/usr/bin/env bash
# The portable cache across fresh clones, as CI systems give them: the repository is cloned and
# built, `check Chapters` fills a cache folder; then the clone is deleted, the same commit is cloned
# again at the same path and built again (new files, new modification times, a rebuilt engine), the
# cache folder is restored, and `check` runs again. Prints both runs' compilations and times; the
# target is that the second run compiles nothing. Two full builds: minutes.
#
# Usage: [COMMIT=HEAD] Benchmarks/runner/fresh-clone.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
commit="$(git -C "$root" rev-parse "${COMMIT:-HEAD}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

clone_and_build() {
    rm -rf "$work/book"
    git clone --quiet --no-checkout "$root" "$work/book"
    git -C "$work/book" checkout --quiet "$commit"
    (cd "$work/book" && swift build --product swiftbook > "$work/build.log" 2>&1 \
        && swift build -c release --product SwiftbookEngine >> "$work/build.log" 2>&1) \
        || { tail -30 "$work/build.log" >&2; exit 1; }
}
check() {   # check <report.json>: prints "<compilations> compilations in <seconds> s"
    local start end
    start=$(date +%s.%N)
    (cd "$work/book" && SWIFTBOOK_ENGINE="$work/book/.build/release" .build/debug/swiftbook check Chapters \
        --cache-dir "$work/book/.build/swiftbook-cache" --format json > "$1") || { echo "check failed" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "$(grep -o '"compilations" *: *[0-9]*' "$1" | grep -o '[0-9]*$' | paste -sd+ | bc) compilations," \
        "$(grep -c '"path"' "$1") chapters, $(echo "$end - $start" | bc) s"
}

echo "commit $commit, clone at $work/book"
clone_and_build
echo "first clone, empty cache:    $(check "$work/first.json")"
cp -R "$work/book/.build/swiftbook-cache" "$work/saved-cache"
clone_and_build
cp -R "$work/saved-cache" "$work/book/.build/swiftbook-cache"
echo "second clone, cache restored: $(check "$work/second.json")"
