"""Writes cases.json: tensors and the exact text PyTorch prints for them.

Run with a Python that has PyTorch (the fixtures were made with torch 2.13.0+cpu):
    python Tests/AutogradTests/Fixtures/printing/generate.py
Each case holds the shape, the float32 elements as hexadecimal bit patterns (exact), the
suffixes PyTorch appends (requires_grad=True or grad_fn=<...>) and repr(tensor). PrintingTests
formats the same elements and suffixes and requires the same text, byte for byte.
"""
import json
import math
import os
import struct

import torch

torch.set_printoptions(profile="default")
cases = []


def add(name, tensor):
    flat = tensor.detach().reshape(-1).tolist()
    bits = ["%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in flat]
    if tensor.grad_fn is not None:
        suffixes = ["grad_fn=<%s>" % type(tensor.grad_fn).__name__]
    elif tensor.requires_grad:
        suffixes = ["requires_grad=True"]
    else:
        suffixes = []
    cases.append({"name": name, "shape": list(tensor.shape), "bits": bits,
                  "suffixes": suffixes, "expected": repr(tensor)})


def t(values):
    return torch.tensor(values, dtype=torch.float32)


g = torch.Generator().manual_seed(20261123)

# Ranks 0 to 4, simple values.
add("scalar", t(3.5))
add("scalar integral", t(2.0))
add("scalar negative", t(-0.25))
add("scalar zero", t(0.0))
add("scalar tiny", t(1.5e-7))
add("scalar huge", t(3.0e9))
add("scalar nan", t(float("nan")))
add("scalar -inf", t(float("-inf")))
add("arange integral", torch.arange(-2, 3, dtype=torch.float32))
add("vector fixed", t([1.5, -2.25, 3.0]))
add("matrix integral", t([[1, 2], [3, 4]]))
add("matrix mixed", t([[0.5, -1.0], [10.125, 100.0]]))
add("rank 3", torch.arange(24, dtype=torch.float32).reshape(2, 3, 4) / 7)
add("rank 4", torch.arange(36, dtype=torch.float32).reshape(2, 3, 2, 3) - 17)
add("rank 4 ones", torch.ones(1, 1, 1, 1))

# Special values.
add("zeros", torch.zeros(2, 3))
add("negative zero", t([-0.0, 1.0]))
add("negative zero fixed", t([-0.0, 1.5]))
add("only negative zero", t([-0.0, 0.0]))
add("nan and inf integral", t([float("nan"), float("inf"), float("-inf"), 2.0]))
add("nan and inf fixed", t([float("nan"), 1.25, float("-inf")]))
add("nan and inf scientific", t([float("nan"), 1e-8, float("inf"), 5.0]))
add("only non-finite", t([float("nan"), float("inf")]))
add("empty 1-D", torch.zeros(0))
add("empty 2-D", torch.zeros(0, 3))
add("empty 3-D", torch.zeros(2, 0, 4))

# Scientific notation and its thresholds.
add("tiny", t([1e-5, 2e-5]))
add("ratio over 1000", t([0.001, 1.5]))
add("ratio exactly 1000", t([0.001, 1.0]))
add("ratio over 1000 integral", t([1.0, 1001.0]))
add("huge", t([1.5e8, 2.0]))
add("integral huge", t([1e9, 1.0]))
add("just under 1e-4", t([9.9e-5, 0.5]))
add("exactly 1e-4", t([1e-4, 0.05]))
add("mixed magnitudes", t([[1e-10, 1.0], [-3e5, 7.0]]))
add("huge integral values", t([123456789.0, -98765432.0]))

# Widths and rounding at the fourth decimal.
add("rounds up", t([0.99995, 0.99994, 9.99995, -0.00005]))
add("half-way cases", t([0.00015, 0.00025, 0.12345, 2.5, 0.5]))
add("wide integers", t([1.0, -10.0, 100.0, -1000.0]))
add("widths", t([1.0, 22.5, -333.25, 4444.125]))
add("one and many digits", t([[5.0, 12345.0], [-678.0, 9.0]]))

# Line wrapping and summarising.
add("wrap 30", torch.arange(30, dtype=torch.float32))
add("wrap 100 fixed", torch.randn(100, generator=g))
add("wrap wide 2-D", torch.randn(3, 25, generator=g))
add("wrap 1-D scientific", torch.randn(40, generator=g) * 1e-6)
add("summarise 1-D 1001", torch.arange(1001, dtype=torch.float32))
add("summarise 1-D random", torch.randn(5000, generator=g))
add("summarise 2-D 40x40", torch.randn(40, 40, generator=g))
add("summarise 2-D wide", torch.rand(2, 600, generator=g))
add("summarise 2-D tall", torch.rand(600, 2, generator=g))
add("summarise 3-D", torch.randn(12, 10, 10, generator=g))
add("no summary at 1000", torch.rand(1000, generator=g))
add("summarise 4-D", torch.randn(8, 8, 8, 8, generator=g))
add("summarise hides a huge value", torch.cat([t([1e9]), torch.rand(2000, generator=g), t([1e-9])]))

# Suffixes.
leaf = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
add("requires grad", leaf)
add("grad_fn add", leaf + 1)
add("grad_fn sum", (leaf * leaf).sum())
add("grad_fn mean", leaf.mean())
add("grad_fn relu", torch.relu(leaf - 2))
wide = torch.randn(4, 9, generator=g).requires_grad_()
add("requires grad multi-line", wide)
add("grad_fn mm multi-line", wide @ torch.randn(9, 5, generator=g))
add("grad_fn addmm", torch.nn.functional.linear(torch.rand(2, 20, generator=g), torch.rand(10, 20, generator=g).requires_grad_(), torch.rand(10, generator=g)))
add("suffix wraps after a long last line", torch.randn(13, generator=g).requires_grad_())
add("suffix wraps 1-D", torch.arange(12, dtype=torch.float32).requires_grad_() * 1.5)
add("long 1-D with suffix", torch.randn(30, generator=g).requires_grad_())
add("empty with requires grad", torch.zeros(0, 2, requires_grad=True))
add("0-d requires grad", torch.tensor(4.25, requires_grad=True))

# Shapes the chapters print.
for shape in [(2, 10), (2, 20), (5,), (1, 8), (5, 3), (2, 3), (2, 1), (8, 8), (20, 256), (256, 20)]:
    add("normal %s" % (shape,), torch.randn(*shape, generator=g))
    add("uniform %s" % (shape,), torch.rand(*shape, generator=g))

# Many random values at many scales, to shake out rounding and width differences.
for exponent in range(-9, 11):
    scale = 10.0 ** exponent
    for index in range(6):
        add("scale 1e%d #%d" % (exponent, index), torch.randn(3, 4, generator=g) * scale)
for index in range(40):
    add("mixed #%d" % index, torch.randn(7, generator=g) * torch.exp(torch.randn(7, generator=g) * 4))
for index in range(20):
    add("rounded to grid #%d" % index, torch.round(torch.randn(6, generator=g) * 1e4) / 1e4)
    add("halves #%d" % index, torch.round(torch.randn(6, generator=g) * 200) / 2 + 0.00005)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "cases.json"), "w") as out:
    json.dump({"torch": torch.__version__, "cases": cases}, out, indent=0)
    out.write("\n")
print("%d cases written with torch %s" % (len(cases), torch.__version__))
