"""PyTorch reference figures for Benchmarks/engine-bench (same names, same sizes).

Usage: python engine_reference.py THREADS   (prints `name value` lines)
"""
import sys
import time
import warnings

warnings.filterwarnings("ignore", message="Failed to initialize NumPy")

import torch


def seconds_per_call(body, minimum_seconds=0.25, rounds=5):
    """Best average time per call over `rounds` rounds of at least minimum_seconds / 5 each,
    after a warm-up (engine-bench measures the same way)."""
    for _ in range(3):
        body()
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            body()
        if time.perf_counter() - start >= minimum_seconds / 5:
            break
        calls *= 2
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            body()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def cpu_seconds_per_call(body, calls, rounds):
    """Best CPU time of the process (all threads) per call over `rounds` rounds of `calls`
    calls: on a busy machine, only this process's work (engine-bench measures the same)."""
    for _ in range(3):
        body()
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(calls):
            body()
        best = min(best, (time.process_time() - start) / calls)
    return best


def main():
    torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    torch.manual_seed(0)

    # The step first, as engine-bench measures it: glibc's allocator adapts to the largest
    # buffers a process has freed, and a chapter trains before it multiplies large matrices.
    net = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
    x, target = torch.rand(256, 784), torch.rand(256, 10)

    def step():
        optimizer.zero_grad()
        loss = torch.nn.functional.mse_loss(net(x), target)
        loss.backward()
        optimizer.step()

    # Short rounds, many of them, as engine-bench times its step: on a busy machine the best
    # short round is the one nothing else interrupted.
    print("sgd_step_ms", round(seconds_per_call(step, minimum_seconds=0.05, rounds=40) * 1e3, 3))
    print("sgd_step_cpu_ms", round(cpu_seconds_per_call(step, calls=4, rounds=40) * 1e3, 3))
    print("parameters_us", round(seconds_per_call(lambda: list(net.parameters())) * 1e6, 3))
    print("module_zero_grad_us", round(seconds_per_call(net.zero_grad) * 1e6, 3))

    for n in (256, 1024):
        a, b = torch.randn(n, n), torch.randn(n, n)
        t = seconds_per_call(lambda: torch.matmul(a, b))
        print(f"matmul_{n}_gflops_tensor", round(2 * n**3 / t / 1e9, 3))

    net = torch.nn.Sequential(torch.nn.Linear(20, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10))
    x = torch.rand(2, 20)
    print("forward_2x20_us", round(seconds_per_call(lambda: net(x)) * 1e6, 3))

    def forward_no_grad():
        with torch.no_grad():
            net(x)

    print("forward_2x20_nograd_us", round(seconds_per_call(forward_no_grad) * 1e6, 3))


if __name__ == "__main__":
    main()
