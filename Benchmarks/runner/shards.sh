#!/usr/bin/env bash
# How even `--shard K/N` is: a generated book of CHAPTERS chapters (default 400) whose cells run
# for different times is run once whole (which measures every chapter and sets the split times),
# then checked as SHARDS shards (default 4) one after another with --no-cache, so every shard
# really compiles and runs its chapters. Prints each shard's wall time beside a quarter (1/N) of
# their sum; the target is the slowest shard within 15% of it. Then checks that the shards'
# reports merge into one verdict.
#
# Environment: SWIFTBOOK (default .build/debug/swiftbook), SWIFTBOOK_ENGINE (default
# .build/release when built, else the binary's folder), CHAPTERS, SHARDS, JOBS (default 2).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
swiftbook="$(realpath "${SWIFTBOOK:-$root/.build/debug/swiftbook}")"
[[ -x "$swiftbook" ]] || { echo "shards.sh: no swiftbook binary at $swiftbook (build it, or set SWIFTBOOK)" >&2; exit 2; }
if [[ -z "${SWIFTBOOK_ENGINE:-}" ]]; then
  if [[ -f "$root/.build/release/libSwiftbookEngine.so" ]]; then export SWIFTBOOK_ENGINE="$root/.build/release"; fi
fi
[[ -n "${SWIFTBOOK_ENGINE:-}" ]] && export SWIFTBOOK_ENGINE="$(realpath "$SWIFTBOOK_ENGINE")"
chapters="${CHAPTERS:-400}" shards="${SHARDS:-4}" jobs="${JOBS:-2}"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/book"
for i in $(seq 1 "$chapters"); do
  # Run times from 0 to 450 ms, in a pattern unrelated to the chapters' names.
  pause=$(( (i * 37 % 10) * 50000 ))
  cat > "$scratch/book/chapter-$(printf %04d "$i").md" <<MARKDOWN
# Chapter $i

\`\`\`swift
import Foundation
usleep($pause)
let x = Tensor([Float($i), 2, 3])
\`\`\`

\`\`\`swift
(x * 2).sum().item()
\`\`\`
MARKDOWN
done

cd "$scratch"
seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }

echo "book: $chapters chapters, $shards shards, --jobs $jobs"
whole=$(seconds "$swiftbook" run book --jobs "$jobs" --cache-dir cache)
echo "whole book, cold run (measures the chapters): ${whole} s"
times=()
for k in $(seq 1 "$shards"); do
  start=$(date +%s.%N)
  "$swiftbook" check book --shard "$k/$shards" --no-cache --jobs "$jobs" --cache-dir cache --format json > "report-$k.json" || true
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
  echo "shard $k/$shards: ${times[-1]} s, $(grep -c '"path"' "report-$k.json") chapters"
done
sum=$(printf '%s\n' "${times[@]}" | paste -sd+ | bc)
slowest=$(printf '%s\n' "${times[@]}" | sort -g | tail -1)
echo "sum of shards: $sum s; 1/$shards of it: $(echo "scale=2; $sum / $shards" | bc) s;" \
  "slowest shard: $slowest s = $(echo "scale=1; 100 * $slowest * $shards / $sum" | bc)% of it (target <= 115%)"
"$swiftbook" merge-reports report-*.json > /dev/null 2> merge.log && echo "merge-reports: $(tail -1 merge.log)" \
  || { echo "merge-reports failed:"; cat merge.log; }
