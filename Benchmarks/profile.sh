#!/usr/bin/env bash
# Where the time of an SGD step (784-256-10, batch 256, MSE) goes, on one thread:
#   - heap allocations and bytes per step (a preloaded counter, profile/malloc_count.c);
#   - page faults and CPU time per step (perf stat, when perf can count);
#   - the hottest functions (perf record with the cpu-clock event), when perf can sample.
#   Benchmarks/profile.sh [STEPS]        (default 300)
# For instruction counts per function: valgrind --tool=callgrind "$bench" steps 20
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
steps="${1:-300}"
swift build -c release --package-path "$here" --product engine-bench >&2
bench="$(swift build -c release --package-path "$here" --show-bin-path)/engine-bench"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export OPENBLAS_NUM_THREADS=1

cc -O2 -shared -fPIC -o "$work/malloc_count.so" "$here/profile/malloc_count.c" -ldl
count() { LD_PRELOAD="$work/malloc_count.so" "$bench" steps "$1" 2>&1 >/dev/null | awk '/^allocations/ { print $2, $4 }'; }
read -r a1 b1 < <(count 20)
read -r a2 b2 < <(count $((20 + steps)))
awk -v a="$((a2 - a1))" -v b="$((b2 - b1))" -v n="$steps" \
    'BEGIN { printf "per step: %.1f heap allocations, %.0f KiB allocated\n", a / n, b / n / 1024 }'

if perf stat -e task-clock true >/dev/null 2>&1; then
    perf stat -x, -e task-clock,page-faults -o "$work/stat" "$bench" steps "$steps" >/dev/null
    awk -F, -v n="$steps" '$3 == "task-clock" { printf "per step: %.3f ms CPU time", $1 / n }
        $3 == "page-faults" { printf ", %.1f page faults\n", $1 / n }' "$work/stat"
    if perf record -q -e cpu-clock -F 2000 -g -o "$work/perf.data" "$bench" steps "$steps" >/dev/null 2>&1; then
        echo "time by library (% of the run's samples; the kernel's share is page faults and brk):"
        perf report -i "$work/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null |
            awk '/%/ && $1 + 0 >= 0.3 { printf "  %7s  %s\n", $1, $2 }'
        echo "hottest functions (self time, % of the run's samples):"
        perf report -i "$work/perf.data" --no-children --sort symbol --stdio -g none 2>/dev/null |
            awk '/%/ && $1 + 0 >= 0.3 { printf "  %7s  %s\n", $1, $3 }' | head -30
    fi
else
    echo "perf cannot count here; for a profile: valgrind --tool=callgrind $bench steps 20" >&2
fi
