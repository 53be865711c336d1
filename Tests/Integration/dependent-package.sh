#!/usr/bin/env bash
# A book in its own repository: a SwiftPM package that depends on swiftbook (here by local path,
# as `.package(url:from:)` would by tag), with a Chapters folder. It builds the engine product and
# runs `swift run swiftbook run` and `check` there, with no flag naming the engine: swiftbook
# finds it beside itself in the book's .build. Slow (the book's build compiles swift-syntax
# again), so Scripts/test runs it only with SWIFTBOOK_TEST_DEPENDENT_PACKAGE=1.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
book=$(mktemp -d "${TMPDIR:-/tmp}/swiftbook-dependent-XXXXXX")
trap 'rm -rf "$book"' EXIT

mkdir -p "$book/Chapters"
cat > "$book/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "my-book",
    dependencies: [.package(path: "$root")],
    targets: []
)
SWIFT
cat > "$book/Chapters/first.md" <<'MARKDOWN'
# A chapter of another book

```swift
let x = Tensor([1, 2, 3])
(x * 2).sum().item()
```
MARKDOWN
# The same versions of swift-syntax and swift-argument-parser as this package (and no network
# when SwiftPM's cache of them is warm).
if [[ -f "$root/Package.resolved" ]]; then cp "$root/Package.resolved" "$book/"; fi

cd "$book"
unset SWIFTBOOK_ENGINE
swift build --product SwiftbookEngine
swift run swiftbook run Chapters
grep -q '^12.0$' Chapters/first.md || { echo "error: the cell's output was not written:" >&2; cat Chapters/first.md >&2; exit 1; }
swift run swiftbook check Chapters --verbose 2>&1 | tee check.log
grep -q "cached" check.log || { echo "error: the second run did not use the book's cache" >&2; exit 1; }
[[ -d .build/swiftbook-cache ]] || { echo "error: no cache in the book's .build" >&2; exit 1; }
echo "dependent package: ok" >&2
