"""Writes cases.json: tensors and the exact text PyTorch prints for them.

Run with a Python that has PyTorch (the fixtures were made with torch 2.13.0+cpu):
    python Tests/AutogradTests/Fixtures/printing/generate.py
The output is deterministic (explicit values or a seeded torch.Generator), so running it
again with the same torch gives the same file byte for byte.

Each case (one JSON object per line) holds:
- name: what the case checks;
- shape: the tensor's shape;
- requires_grad, grad_fn: torch's tensor.requires_grad and type(tensor.grad_fn).__name__
  (null for a leaf), which decide the `requires_grad=True` / `grad_fn=<...>` suffix;
- bits: the float32 elements in row-major order as hexadecimal IEEE-754 bit patterns separated
  by spaces (exact, including -0.0, nan and inf);
- expected: repr(tensor), byte for byte.
PrintingTests builds a Tensor with the same shape, elements and graph flags and requires its
description to equal `expected`.
"""
import json
import os
import struct

import torch

torch.set_printoptions(profile="default")
cases = []


def add(name, tensor):
    flat = tensor.detach().reshape(-1).tolist()
    bits = " ".join("%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in flat)
    grad_fn = type(tensor.grad_fn).__name__ if tensor.grad_fn is not None else None
    cases.append({"name": name, "shape": list(tensor.shape), "requires_grad": tensor.requires_grad,
                  "grad_fn": grad_fn, "bits": bits, "expected": repr(tensor)})


def t(values):
    return torch.tensor(values, dtype=torch.float32)


g = torch.Generator().manual_seed(20261123)

# Ranks 0 to 5, simple values.
add("scalar", t(3.5))
add("scalar integral", t(2.0))
add("scalar negative", t(-0.25))
add("scalar zero", t(0.0))
add("scalar negative zero", t(-0.0))
add("scalar tiny", t(1.5e-7))
add("scalar huge", t(3.0e9))
add("scalar nan", t(float("nan")))
add("scalar inf", t(float("inf")))
add("scalar -inf", t(float("-inf")))
add("scalar rounds up", t(0.99995))
add("arange integral", torch.arange(-2, 3, dtype=torch.float32))
add("vector fixed", t([1.5, -2.25, 3.0]))
add("vector one element", t([7.0]))
add("matrix integral", t([[1, 2], [3, 4]]))
add("matrix mixed", t([[0.5, -1.0], [10.125, 100.0]]))
add("matrix one column", t([[1.5], [-2.5], [3.25]]))
add("matrix one row", t([[1.5, -2.5, 3.25]]))
add("rank 3", torch.arange(24, dtype=torch.float32).reshape(2, 3, 4) / 7)
add("rank 3 integral", torch.arange(24, dtype=torch.float32).reshape(4, 3, 2) - 5)
add("rank 3 ones", torch.ones(1, 1, 1))
add("rank 4", torch.arange(36, dtype=torch.float32).reshape(2, 3, 2, 3) - 17)
add("rank 4 fixed", torch.randn(2, 2, 2, 3, generator=g))
add("rank 4 ones", torch.ones(1, 1, 1, 1))
add("rank 5", torch.randn(2, 1, 2, 2, 2, generator=g))

# Special values: -0.0 prints its sign; nan and inf never count for the style.
add("zeros", torch.zeros(2, 3))
add("negative zero", t([-0.0, 1.0]))
add("negative zero wide", t([-0.0, 100.0]))
add("negative zero fixed", t([-0.0, 1.5]))
add("negative zero scientific", t([-0.0, 1e-5, 1e5]))
add("only negative zero", t([-0.0, 0.0]))
add("negative zero and nan", t([-0.0, float("nan")]))
add("nan and inf integral", t([float("nan"), float("inf"), float("-inf"), 2.0]))
add("nan and inf wide integral", t([float("nan"), float("-inf"), 1234.0]))
add("nan and inf fixed", t([float("nan"), 1.25, float("-inf")]))
add("nan and inf scientific", t([float("nan"), 1e-8, float("inf"), 5.0]))
add("only non-finite", t([float("nan"), float("inf")]))
add("only non-finite 2-D", t([[float("-inf"), float("nan")], [float("inf"), 0.0]]))
add("empty 1-D", torch.zeros(0))
add("empty 2-D", torch.zeros(0, 3))
add("empty 2-D trailing", torch.zeros(3, 0))
add("empty 3-D", torch.zeros(2, 0, 4))
add("empty 4-D", torch.zeros(1, 2, 0, 1))

# Scientific notation and its thresholds.
add("tiny", t([1e-5, 2e-5]))
add("ratio over 1000", t([0.001, 1.5]))
add("ratio exactly 1000", t([0.001, 1.0]))
add("ratio exactly 1000 integral", t([1.0, 1000.0]))
add("ratio over 1000 integral", t([1.0, 1001.0]))
add("huge", t([1.5e8, 2.0]))
add("exactly 1e8", t([1e8, 1e6]))
add("just over 1e8", t([100000008.0, 1e6]))
add("integral huge", t([1e9, 1.0]))
add("just under 1e-4", t([9.9e-5, 0.5]))
add("exactly 1e-4", t([1e-4, 0.05]))
add("just over 1e-4", t([1.0001e-4, 0.05]))
add("mixed magnitudes", t([[1e-10, 1.0], [-3e5, 7.0]]))
add("huge integral values", t([123456789.0, -98765432.0]))
add("subnormals", t([1e-45, -1e-40, 1.0]))
add("largest float", t([3.4028235e38, -3.4028235e38, 1.0]))
add("smallest normal", t([1.17549435e-38, 2.0]))

# Widths and rounding at the fourth decimal (Python rounds the exact double, ties to even).
add("rounds up", t([0.99995, 0.99994, 9.99995, -0.00005]))
add("rounds up widens", t([9.99996, 1.5]))
add("rounds up to 100", t([-99.99996, 1.5]))
add("half-way cases", t([0.00015, 0.00025, 0.12345, 2.5, 0.5]))
add("exact ties fixed", t([0.03125, 0.09375, 0.15625, 0.21875, -0.03125, 1.46875]))
add("exact ties scientific e+00", t([1.03125, 1e-5]))
add("exact ties scientific e+01", t([10.0625, 1e-5]))
add("exact ties scientific e+02", t([100.125, 1e-5]))
add("exact ties scientific e+03", t([1000.25, -3000.75, 1e-5]))
add("exact ties scientific e+04", t([10000.5, 1e-5]))
add("exact ties integral scientific", t([100005.0, 100015.0, 1e9]))
add("exact ties scientific negative exponent", t([0.0001068115234375, 0.5]))
add("wide integers", t([1.0, -10.0, 100.0, -1000.0]))
add("widths", t([1.0, 22.5, -333.25, 4444.125]))
add("one and many digits", t([[5.0, 12345.0], [-678.0, 9.0]]))
for digits in range(1, 9):
    add("integral width %d" % digits, t([3.0, -(10.0 ** (digits - 1)) * 7]))
    add("fixed width %d" % digits, t([0.5, (10.0 ** (digits - 1)) * 0.7 + 0.25]))

# Line wrapping of the last axis (80 columns, counting the `tensor(` and bracket indent).
add("wrap 30", torch.arange(30, dtype=torch.float32))
for count in (8, 9, 10, 17, 18, 19, 20):
    add("wrap boundary fixed %d" % count, torch.arange(count, dtype=torch.float32) / 8)
    add("wrap boundary integral %d" % count, torch.arange(count, dtype=torch.float32) + 10)
add("wrap 100 fixed", torch.randn(100, generator=g))
add("wrap 100 integral", torch.arange(100, dtype=torch.float32) - 50)
add("wrap wide 2-D", torch.randn(3, 25, generator=g))
add("wrap wide 3-D", torch.randn(2, 2, 20, generator=g))
add("wrap wide 4-D", torch.randn(2, 1, 2, 15, generator=g) * 100)
add("wrap 1-D scientific", torch.randn(40, generator=g) * 1e-6)
add("wrap 2-D scientific", torch.randn(2, 9, generator=g) * 1e9)

# Summarising: above 1000 elements, 3 items at each end of every axis, and the style
# is chosen from the shown items only.
add("summarise 1-D 1001", torch.arange(1001, dtype=torch.float32))
add("summarise 1-D random", torch.randn(5000, generator=g))
add("summarise 2-D 40x40", torch.randn(40, 40, generator=g))
add("summarise 2-D wide", torch.rand(2, 600, generator=g))
add("summarise 2-D tall", torch.rand(600, 2, generator=g))
add("summarise 2-D short rows", torch.rand(3, 400, generator=g))
add("summarise 2-D seven rows", torch.randn(7, 150, generator=g))
add("summarise 3-D", torch.randn(12, 10, 10, generator=g))
add("summarise 3-D small middle", torch.randn(20, 2, 30, generator=g))
add("no summary at 1000", torch.rand(1000, generator=g))
add("no summary at 1000 2-D", torch.rand(10, 100, generator=g))
add("summarise 4-D", torch.randn(8, 8, 8, 8, generator=g))
add("summarise hides a huge value", torch.cat([t([1e9]), torch.rand(2000, generator=g), t([1e-9])]))
add("summarise hides a fraction", torch.cat([torch.arange(1000, dtype=torch.float32)[:500], t([0.5]), torch.arange(1000, dtype=torch.float32)[500:]]))
add("summarise integral", torch.arange(2000, dtype=torch.float32) + 1000)
add("summarise with suffix", torch.randn(30, 40, generator=g).requires_grad_())

# Suffixes: after `, ` on the last line, or on a line of their own past 80 columns.
leaf = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
add("requires grad", leaf)
add("grad_fn add", leaf + 1)
add("grad_fn sum", (leaf * leaf).sum())
add("grad_fn mean", leaf.mean())
add("grad_fn relu", torch.relu(leaf - 2))
for name, result in [
    ("mul", leaf * 2), ("sub", leaf - 1), ("div", leaf / 2), ("neg", -leaf), ("exp", leaf.exp()),
    ("log", leaf.log()), ("sqrt", leaf.sqrt()), ("pow", leaf.pow(2)), ("abs", leaf.abs()),
    ("sigmoid", torch.sigmoid(leaf)), ("tanh", torch.tanh(leaf)), ("softmax", torch.softmax(leaf, 0)),
    ("log_softmax", torch.log_softmax(leaf, 0)), ("view", leaf.view(3, 1)), ("t", leaf.view(3, 1).t()),
    ("cat", torch.cat([leaf, leaf])), ("stack", torch.stack([leaf, leaf])), ("select", leaf[1]),
    ("slice", leaf[1:]), ("sum axis", leaf.sum(0)), ("max", leaf.max()),
    ("mse", torch.nn.functional.mse_loss(leaf, torch.zeros(3))),
    ("cross entropy", torch.nn.functional.cross_entropy(leaf.view(1, 3), torch.tensor([1]))),
    ("mm", leaf.view(1, 3) @ torch.ones(3, 2)),
]:
    add("grad_fn %s" % name, result)
wide = torch.randn(4, 9, generator=g).requires_grad_()
add("requires grad multi-line", wide)
add("grad_fn mm multi-line", wide @ torch.randn(9, 5, generator=g))
add("grad_fn relu multi-line", torch.relu(wide))
add("grad_fn addmm", torch.nn.functional.linear(torch.rand(2, 20, generator=g), torch.rand(10, 20, generator=g).requires_grad_(), torch.rand(10, generator=g)))
add("grad_fn 3-D", torch.randn(2, 3, 4, generator=g).requires_grad_() * 2)
add("suffix wraps after a long last line", torch.randn(13, generator=g).requires_grad_())
add("suffix wraps 1-D", torch.arange(12, dtype=torch.float32).requires_grad_() * 1.5)
add("long 1-D with suffix", torch.randn(30, generator=g).requires_grad_())
for count in range(1, 15):
    add("suffix boundary requires grad %d" % count, (torch.arange(count, dtype=torch.float32) - 0.5).requires_grad_())
    add("suffix boundary grad_fn %d" % count, torch.arange(count, dtype=torch.float32).requires_grad_() * 0.25)
    add("suffix boundary 2-D %d" % count, torch.randn(2, count, generator=g).requires_grad_())
add("empty with requires grad", torch.zeros(0, 2, requires_grad=True))
add("empty 1-D with requires grad", torch.zeros(0, requires_grad=True))
add("0-d requires grad", torch.tensor(4.25, requires_grad=True))
add("0-d grad_fn", torch.tensor(4.25, requires_grad=True) * 2)

# Shapes the chapters print.
for shape in [(2, 10), (2, 20), (5,), (1, 8), (5, 3), (2, 3), (2, 1), (8, 8), (20, 256), (256, 20)]:
    add("normal %s" % (shape,), torch.randn(*shape, generator=g))
    add("uniform %s" % (shape,), torch.rand(*shape, generator=g))
add("linear output (2, 10)", torch.nn.functional.linear(torch.rand(2, 20, generator=g), torch.randn(10, 20, generator=g).requires_grad_() * 0.2, torch.zeros(10)))
add("linear output (2, 256)", torch.relu(torch.nn.functional.linear(torch.rand(2, 20, generator=g), torch.randn(256, 20, generator=g).requires_grad_() * 0.2)))

# Many random values at many scales, to shake out rounding and width differences.
for exponent in range(-9, 11):
    scale = 10.0 ** exponent
    for index in range(6):
        add("scale 1e%d #%d" % (exponent, index), torch.randn(3, 4, generator=g) * scale)
for exponent in range(-12, 13):
    add("batch normal 1e%d" % exponent, torch.randn(200, generator=g) * 10.0 ** exponent)
    add("batch uniform 1e%d" % exponent, torch.rand(8, 25, generator=g) * 10.0 ** exponent)
for index in range(40):
    add("mixed #%d" % index, torch.randn(7, generator=g) * torch.exp(torch.randn(7, generator=g) * 4))
for index in range(20):
    add("rounded to grid #%d" % index, torch.round(torch.randn(6, generator=g) * 1e4) / 1e4)
    add("halves #%d" % index, torch.round(torch.randn(6, generator=g) * 200) / 2 + 0.00005)
    add("integral #%d" % index, torch.round(torch.randn(9, generator=g) * 10.0 ** (index % 9)))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "cases.json"), "w") as out:
    out.write('{"torch": %s, "cases": [\n' % json.dumps(torch.__version__))
    out.write(",\n".join(json.dumps(case) for case in cases))
    out.write("\n]}\n")
print("%d cases written with torch %s" % (len(cases), torch.__version__))
