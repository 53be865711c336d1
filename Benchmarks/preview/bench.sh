#!/usr/bin/env bash
# Save-to-reload latency of `swiftbook preview` on a scratch copy of Chapters/.
#
# Usage: [SWIFTBOOK=.build/release/swiftbook] [ROUNDS=7] [CHAPTER=custom-layers.md] Benchmarks/preview/bench.sh
#
# Starts the preview on a free port, listens to the chapter page's reload events (curl), and
# for ROUNDS rounds each:
#   - prose: inserts a new sentence under the title and saves;
#   - cell:  changes the first cell's code (a new print line, so the cache cannot answer) and saves;
# timing from the save to the reload event, and to the page (fetched right after the event)
# holding the new text, and the CPU time the round took (the preview's and its compilers' and
# chapter programs'; on a busy machine the wall times mostly measure the wait for a core).
# Then, when Chromium is installed (BROWSER=0 skips it), the same two edits ROUNDS times each
# with the chapter's page open in headless Chromium, timing from the save to the new text being
# in the page's DOM (browser-latency/main.swift, built here with swiftc together with the test
# suite's DevTools client, Tests/LiterateTests/DevTools).
# Prints each round and the medians beside the issue's targets (prose 0.3 s, one-cell change
# 1.5 s), and the load average. Needs bash, curl, coreutils, awk, sed, Linux /proc (and swiftc
# and Chromium for the browser figures).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
binary=${SWIFTBOOK:-$root/.build/release/swiftbook}
rounds=${ROUNDS:-7}
chapter=${CHAPTER:-custom-layers.md}
page=${chapter%.md}.html
[[ -x $binary ]] || { echo "error: no $binary; build it with 'swift build -c release' or set SWIFTBOOK" >&2; exit 2; }
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")   # the script works in a scratch folder

work=$(mktemp -d)
cleanup() {
    [[ -n ${events_pid:-} ]] && kill "$events_pid" 2>/dev/null || true
    [[ -n ${preview_pid:-} ]] && kill -TERM "$preview_pid" 2>/dev/null && wait "$preview_pid" 2>/dev/null || true
    [[ -n ${KEEP_LOG:-} ]] && cp "$work/preview.log" "$KEEP_LOG"
    rm -rf "$work"
}
trap cleanup EXIT
cp -R "$root/Chapters" "$work/Chapters"
cd "$work"
"$binary" preview Chapters --port 0 --engine "$(dirname "$binary")" --cache-dir "$work/cache" 2>"$work/preview.log" &
preview_pid=$!
for _ in $(seq 1 600); do grep -q "serving http" "$work/preview.log" 2>/dev/null && break; sleep 0.2; done
url=$(grep -o 'http://[^ ]*' "$work/preview.log" | head -1)
[[ -n $url ]] || { cat "$work/preview.log" >&2; echo "error: the preview did not start" >&2; exit 1; }

# Every reload event for the page, stamped with the time it arrived.
: > "$work/events"
curl -sN "${url}_swiftbook/events?page=$page" | while IFS= read -r line; do
    [[ $line == "data: $page" ]] && echo "$(date +%s.%N)" >> "$work/events"
done &
events_pid=$!
sleep 0.5

now() { date +%s.%N; }
# CPU seconds used so far by the preview and the compilers and programs it waited for.
ticks=$(getconf CLK_TCK)
cpu() { awk -v t="$ticks" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13 + $14 + $15) / t }' "/proc/$preview_pid/stat"; }
# save EDIT-COMMAND EXPECTED-TEXT: applies the edit, waits for the event and the text; prints two latencies.
measure() {
    local before after saved event shown cpu_before
    before=$(wc -l < "$work/events")
    cpu_before=$(cpu)
    saved=$(now)
    eval "$1"
    for _ in $(seq 1 3000); do
        after=$(wc -l < "$work/events")
        (( after > before )) && break
        sleep 0.005
    done
    (( after > before )) || { echo "error: no reload event" >&2; tail "$work/preview.log" >&2; exit 1; }
    event=$(sed -n "${after}p" "$work/events")
    local html
    html=$(curl -s "${url}$page")
    [[ $html == *"$2"* ]] || { echo "error: the page lacks '$2' after the reload" >&2; exit 1; }
    shown=$(now)
    awk -v s="$saved" -v e="$event" -v d="$shown" -v a="$cpu_before" -v b="$(cpu)" 'BEGIN { printf "%.3f %.3f %.2f\n", e - s, d - s, b - a }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR > 0) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

file="Chapters/$chapter"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$work/prose" ; : > "$work/cell"
for round in $(seq 1 "$rounds"); do
    prose="Benchmark sentence number $round-$RANDOM."
    result=$(measure "awk -v t='$prose' 'NR == 2 { print; print t; next } { print }' $file > $file.new && cat $file.new > $file && rm $file.new" "$prose")
    echo "round $round prose: save->event, save->page, CPU: $result s"
    echo "$result" >> "$work/prose"
    sleep 0.3
    marker="bench-$round-$RANDOM"
    result=$(measure "awk -v t='print(\"$marker\")' '!done && /^\`\`\`swift/ { print; print t; done = 1; next } { print }' $file > $file.new && cat $file.new > $file && rm $file.new" "$marker")
    echo "round $round cell:  save->event, save->page, CPU: $result s"
    echo "$result" >> "$work/cell"
    sleep 0.3
done

# The same edits seen by a browser: the page open in headless Chromium reloads itself.
: > "$work/browser"
browser=$(command -v "${SWIFTBOOK_CHROMIUM:-chromium}" || command -v chromium-browser || command -v google-chrome || true)
if [[ ${BROWSER:-1} != 0 && -n $browser ]]; then
    swiftc -Onone -o "$work/browser-latency" "$root/Benchmarks/preview/browser-latency/main.swift" \
        "$root"/Tests/LiterateTests/DevTools/*.swift 2> "$work/swiftc.log" || { cat "$work/swiftc.log" >&2; exit 1; }
    SWIFTBOOK_CHROMIUM=$browser "$work/browser-latency" "$url$page" "$work/$file" "$rounds" | tee "$work/browser"
fi

echo
echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %10s %10s %10s %10s %8s\n' "median over $rounds rounds" "event" "page" "CPU" "browser" "target"
for kind in prose cell; do
    label=$([[ $kind == prose ]] && echo "prose edit" || echo "one-cell change")
    seen=$(awk -v k="$kind" '$2 == k { print $3 }' "$work/browser" | median)
    printf '%-34s %9ss %9ss %9ss %10s %7ss\n' "$label ($chapter)" "$(cut -d' ' -f1 "$work/$kind" | median)" \
        "$(cut -d' ' -f2 "$work/$kind" | median)" "$(cut -d' ' -f3 "$work/$kind" | median)" "${seen:+${seen}s}" \
        "$([[ $kind == prose ]] && echo 0.3 || echo 1.5)"
done
