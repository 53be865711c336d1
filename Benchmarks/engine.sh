#!/usr/bin/env bash
# Builds engine-bench in release mode, runs it and the PyTorch reference RUNS times (default 7)
# on 1 and on 2 threads, and prints one side-by-side table of the medians.
#   PYTHON=/path/to/venv/bin/python Benchmarks/engine.sh      (a Python with torch; default python3)
#   RUNS=3 Benchmarks/engine.sh                               (fewer runs, for a quick look)
# Both sides get the same threads: OPENBLAS_NUM_THREADS for the engine, OMP_NUM_THREADS and
# torch.set_num_threads for PyTorch. The two programs alternate within every run, so a busy
# moment of the machine falls on both; the load average is printed before and after.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-python3}"
[ -x "$python" ] || python=python3
runs="${RUNS:-7}"

swift build -c release --package-path "$here" --product engine-bench >&2
bench="$(swift build -c release --package-path "$here" --show-bin-path)/engine-bench"
have_torch=true
"$python" -c 'import torch' 2>/dev/null || { have_torch=false; echo "note: no PyTorch for $python; reference columns left empty" >&2; }

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
echo "load before: $(uptime)"
for run in $(seq "$runs"); do
    for threads in 1 2; do
        OPENBLAS_NUM_THREADS=$threads "$bench" >> "$results/swift-$threads"
        if $have_torch; then
            OMP_NUM_THREADS=$threads MKL_NUM_THREADS=$threads "$python" "$here/engine_reference.py" "$threads" >> "$results/torch-$threads"
        else
            : >> "$results/torch-$threads"
        fi
    done
    echo "run $run of $runs done" >&2
done
echo "load after:  $(uptime)"
echo "medians of $runs runs"
echo

# The median of every value of `key` in a results file ("" when there is none).
value() {
    awk -v key="$2" '$1 == key { print $2 }' "$results/$1" | sort -g |
        awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
row() {  # label, swift key, torch key
    printf '%-38s' "$1"
    for threads in 1 2; do
        printf ' %12s %12s' "$(value "swift-$threads" "$2")" "$(value "torch-$threads" "$3")"
    done
    printf '\n'
}
# The median over runs of a per-run percentage 100 · numerator / denominator from one file.
percentage() {  # label, numerator key, denominator key
    printf '%-38s' "$1"
    for threads in 1 2; do
        printf ' %12s %12s' "$(awk -v a="$2" -v b="$3" '$1 == a { x[++n] = $2 } $1 == b { y[++m] = $2 }
            END { for (i = 1; i <= n; i++) printf "%.1f\n", 100 * x[i] / y[i] }' "$results/swift-$threads" |
            sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] "%" }')" ""
    done
    printf '\n'
}
# Engine time over PyTorch time, from the medians.
ratio() {  # label, key
    printf '%-38s' "$1"
    for threads in 1 2; do
        local s t
        s="$(value "swift-$threads" "$2")"; t="$(value "torch-$threads" "$2")"
        printf ' %12s %12s' "$( [ -n "$t" ] && awk -v s="$s" -v t="$t" 'BEGIN { printf "%.2fx", s / t }')" ""
    done
    printf '\n'
}
printf '%-38s %12s %12s %12s %12s\n' "figure" "swift 1T" "torch 1T" "swift 2T" "torch 2T"
row "matmul n=256 GFLOP/s (Tensor)"        matmul_256_gflops_tensor  matmul_256_gflops_tensor
row "matmul n=256 GFLOP/s (cblas)"         matmul_256_gflops_cblas   -
percentage "matmul n=256 Tensor/cblas"     matmul_256_gflops_tensor  matmul_256_gflops_cblas
row "matmul n=1024 GFLOP/s (Tensor)"       matmul_1024_gflops_tensor matmul_1024_gflops_tensor
row "matmul n=1024 GFLOP/s (cblas)"        matmul_1024_gflops_cblas  -
percentage "matmul n=1024 Tensor/cblas"    matmul_1024_gflops_tensor matmul_1024_gflops_cblas
row "forward 2x20 MLP, us/call"            forward_2x20_us           forward_2x20_us
row "forward 2x20 MLP noGrad, us/call"     forward_2x20_nograd_us    forward_2x20_nograd_us
row "net.parameters(), us/call"             parameters_us             parameters_us
row "net.zeroGrad(), us/call"                module_zero_grad_us       module_zero_grad_us
row "SGD step 784-256-10 b256, ms"         sgd_step_ms               sgd_step_ms
ratio "SGD step, swift / torch"            sgd_step_ms
row "  its 5 GEMMs via cblas_sgemm, ms"    sgd_step_products_ms      -
percentage "  step GFLOP/s as % of direct sgemm" sgd_step_products_ms sgd_step_ms
row "SGD step, CPU ms (all threads)"       sgd_step_cpu_ms           sgd_step_cpu_ms
ratio "SGD step CPU, swift / torch"        sgd_step_cpu_ms
row "  its 5 GEMMs via cblas_sgemm, CPU ms" sgd_step_products_cpu_ms -
percentage "  step as % of direct sgemm, CPU"  sgd_step_products_cpu_ms sgd_step_cpu_ms
