#!/usr/bin/env bash
# Builds engine-bench in release mode, runs it and the PyTorch reference with
# 1 and 2 threads, and prints one side-by-side table.
#   Benchmarks/engine.sh            (PYTHON: a Python with torch installed; default python3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-python3}"
[ -x "$python" ] || python=python3

swift build -c release --package-path "$here" --product engine-bench >&2
bench="$(swift build -c release --package-path "$here" --show-bin-path)/engine-bench"

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
for threads in 1 2; do
    OPENBLAS_NUM_THREADS=$threads "$bench" > "$results/swift-$threads"
    if "$python" -c 'import torch' 2>/dev/null; then
        OMP_NUM_THREADS=$threads "$python" "$here/engine_reference.py" "$threads" > "$results/torch-$threads"
    else
        echo "note: no PyTorch for $python; reference columns left empty" >&2
        : > "$results/torch-$threads"
    fi
done

value() { awk -v key="$2" '$1 == key { print $2 }' "$results/$1"; }
row() {  # label, swift key, torch key
    printf '%-34s' "$1"
    for threads in 1 2; do
        printf ' %12s %12s' "$(value "swift-$threads" "$2")" "$(value "torch-$threads" "$3")"
    done
    printf '\n'
}
printf '%-34s %12s %12s %12s %12s\n' "figure" "swift 1T" "torch 1T" "swift 2T" "torch 2T"
row "matmul n=256 GFLOP/s (Tensor)"   matmul_256_gflops_tensor  matmul_256_gflops_tensor
row "matmul n=256 GFLOP/s (cblas)"    matmul_256_gflops_cblas   -
row "matmul n=1024 GFLOP/s (Tensor)"  matmul_1024_gflops_tensor matmul_1024_gflops_tensor
row "matmul n=1024 GFLOP/s (cblas)"   matmul_1024_gflops_cblas  -
ratio() {  # label, n: Tensor matmul as a percentage of direct cblas_sgemm
    printf '%-34s' "$1"
    for threads in 1 2; do
        printf ' %12s %12s' "$(awk -v n="$2" '$1 == "matmul_" n "_gflops_tensor" { t = $2 } $1 == "matmul_" n "_gflops_cblas" { c = $2 } END { printf "%.1f%%", 100 * t / c }' "$results/swift-$threads")" ""
    done
    printf '\n'
}
ratio "matmul n=256 Tensor/cblas" 256
ratio "matmul n=1024 Tensor/cblas" 1024
row "forward 2x20 MLP, us/call"       forward_2x20_us           forward_2x20_us
row "forward 2x20 MLP noGrad, us/call" forward_2x20_nograd_us   forward_2x20_nograd_us
row "SGD step 784-256-10 b256, ms"    sgd_step_ms               sgd_step_ms
