#!/usr/bin/env bash
# Times `swiftbook run` against the PyTorch reference, side by side, in one run:
#   1. both chapters (Layers and Modules, Custom Layers): cold (cache cleared, so every chapter
#      compiles and runs) and warm (cache hit), against python running the same PyTorch code;
#   2. a generated 40-chapter book (copies of the chapters with changed seeds), --jobs 1 and
#      --jobs 2, cold and warm; then, at --jobs 2, the run right after a cold run of fresh copies
#      (which wrote new outputs into every chapter, moving every cell below them) and a run after
#      a prose-only edit (a paragraph added at the top of every chapter).
# Chapters are copied to a scratch folder first: the real ones are never written.
#
# Environment: SWIFTBOOK (the binary; default .build/release/swiftbook, else .build/debug/swiftbook),
# SWIFTBOOK_ENGINE (engine build folder; default the binary's own folder), CHAPTERS (default
# Chapters), PYTHON (a Python with torch installed; default python3), RUNS (repetitions, default 3;
# the median is shown).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
swiftbook="${SWIFTBOOK:-}"
if [[ -z "$swiftbook" ]]; then
  if [[ -x "$root/.build/release/swiftbook" ]]; then swiftbook="$root/.build/release/swiftbook"; else swiftbook="$root/.build/debug/swiftbook"; fi
fi
export SWIFTBOOK_ENGINE="${SWIFTBOOK_ENGINE:-$(dirname "$swiftbook")}"
chapters="${CHAPTERS:-$root/Chapters}"
python="${PYTHON:-$(command -v python3 || true)}"
runs="${RUNS:-3}"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/two" "$scratch/book"
cp "$chapters"/layers-and-modules.md "$chapters"/custom-layers.md "$scratch/two/"
for copy in $(seq 1 20); do
  for chapter in layers-and-modules custom-layers; do
    seed=$((1000 + copy))
    if grep -q 'swiftbook:.*seed=' "$chapters/$chapter.md"; then
      sed -E "s/(swiftbook:.*)seed=[0-9]+/\1seed=$seed/" "$chapters/$chapter.md" > "$scratch/book/$chapter-$copy.md"
    else
      { echo "<!-- swiftbook: seed=$seed -->"; cat "$chapters/$chapter.md"; } > "$scratch/book/$chapter-$copy.md"
    fi
  done
done
cp -r "$scratch/book" "$scratch/book-pristine"

# median SECONDS... -> the middle value
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# time_it PREPARE COMMAND... -> median wall time over $runs runs, PREPARE run untimed before each;
# with hyperfine when it is installed, else with date.
time_it() {
  local prepare="$1"; shift
  if command -v hyperfine > /dev/null; then
    local json="$scratch/hyperfine.json" quoted
    quoted="$(printf '%q ' "$@")"
    hyperfine --style none --runs "$runs" --ignore-failure --prepare "$prepare" --export-json "$json" \
      "$quoted" > /dev/null 2>&1
    grep -o '"median": *[0-9.e+-]*' "$json" | head -1 | sed 's/.*: *//'
    return
  fi
  local times=()
  for _ in $(seq 1 "$runs"); do
    eval "$prepare"
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  median "${times[@]}"
}

row() { printf '%-48s %8.3f s  %s\n' "$1" "$2" "${3:-}"; }
ratio() { echo "$1 / $2" | bc -l; }

echo "swiftbook: $swiftbook"
echo "engine:    $SWIFTBOOK_ENGINE"
echo "runs:      $runs (median)"
echo

cache="$scratch/cache"
clear_cache="rm -rf '$cache'"
run_two=("$swiftbook" run --cache-dir "$cache" "$scratch/two")
"${run_two[@]}" > /dev/null 2>&1 || echo "note: swiftbook run on the two chapters reported problems (timing anyway)"

two_cold=$(time_it "$clear_cache" "${run_two[@]}")
"${run_two[@]}" > /dev/null 2>&1 || true
two_warm=$(time_it ":" "${run_two[@]}")
if [[ -x "$python" ]]; then
  py=$(time_it ":" "$python" "$here/chapters_reference.py")
else
  py=""
fi

echo "== two chapters (Layers and Modules, Custom Layers)"
if [[ -n "$py" ]]; then
  row "python (PyTorch reference)" "$py"
  row "swiftbook run, cold" "$two_cold" "$(printf '%.2fx python (target <= 0.6x)' "$(ratio "$two_cold" "$py")")"
  row "swiftbook run, warm" "$two_warm" "$(printf '%.3fx python (target <= 0.1x)' "$(ratio "$two_warm" "$py")")"
else
  echo "(no python at $python: PyTorch reference skipped)"
  row "swiftbook run, cold" "$two_cold"
  row "swiftbook run, warm" "$two_warm"
fi
echo

run_book=("$swiftbook" run --cache-dir "$cache" "$scratch/book" --jobs)
"${run_book[@]}" 2 > /dev/null 2>&1 || true
book1_cold=$(time_it "$clear_cache" "${run_book[@]}" 1)
book2_cold=$(time_it "$clear_cache" "${run_book[@]}" 2)
"${run_book[@]}" 2 > /dev/null 2>&1 || true
book1_warm=$(time_it ":" "${run_book[@]}" 1)
book2_warm=$(time_it ":" "${run_book[@]}" 2)
fresh_cold="rm -rf '$cache' '$scratch/book' && cp -r '$scratch/book-pristine' '$scratch/book' && $(printf '%q ' "${run_book[@]}") 2 > /dev/null 2>&1 || true"
book2_second=$(time_it "$fresh_cold" "${run_book[@]}" 2)
prose_edit="for f in '$scratch'/book/*.md; do printf 'A new paragraph of prose.\\n\\n' | cat - \"\$f\" > '$scratch/edited' && mv '$scratch/edited' \"\$f\"; done"
book2_prose=$(time_it "$prose_edit" "${run_book[@]}" 2)

echo "== 40-chapter book"
row "--jobs 1, cold" "$book1_cold"
row "--jobs 2, cold" "$book2_cold" "$(printf '%.2fx faster than --jobs 1 (target >= 1.6x)' "$(ratio "$book1_cold" "$book2_cold")")"
row "--jobs 1, warm" "$book1_warm" "$(printf '%.1f%% of cold' "$(echo "100 * $book1_warm / $book1_cold" | bc -l)")"
row "--jobs 2, warm" "$book2_warm" "$(printf '%.1f%% of cold (target <= 5%%)' "$(echo "100 * $book2_warm / $book2_cold" | bc -l)")"
row "--jobs 2, the run right after a cold run" "$book2_second" "$(printf '%.1f%% of cold (target <= 5%%)' "$(echo "100 * $book2_second / $book2_cold" | bc -l)")"
row "--jobs 2, after a prose-only edit" "$book2_prose" "$(printf '%.1f%% of cold (target <= 5%%)' "$(echo "100 * $book2_prose / $book2_cold" | bc -l)")"
