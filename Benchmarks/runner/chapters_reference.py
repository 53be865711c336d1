"""PyTorch reference for the runner benchmark: the code of the chapters "Layers and Modules"
and "Custom Layers", run as one script per chapter the way a notebook would, printing what
the cells print. Timed by bench.sh against `swiftbook run` on the Swift chapters; not a test.
"""
import sys

import torch
from torch import nn
from torch.nn import functional as F


def layers_and_modules():
    torch.manual_seed(42)
    net = nn.Sequential(nn.LazyLinear(256), nn.ReLU(), nn.LazyLinear(10))
    print(net)
    X = torch.rand(2, 20)
    print(net(X).shape)
    print(net(X))
    print(net)

    class MLP(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden = nn.LazyLinear(256)
            self.output = nn.LazyLinear(10)

        def forward(self, X):
            return self.output(F.relu(self.hidden(X)))

    mlp = MLP()
    print(mlp(X).shape)
    for name, child in mlp.named_children():
        print(name, "→", child)
    for name, parameter in mlp.named_parameters():
        print(name, parameter.shape)

    class MySequential(nn.Module):
        def __init__(self, *args):
            super().__init__()
            for idx, module in enumerate(args):
                self.add_module(str(idx), module)

        def forward(self, X):
            for module in self.children():
                X = module(X)
            return X

    my_sequential = MySequential(nn.LazyLinear(256), nn.ReLU(), nn.LazyLinear(10))
    print(my_sequential(X).shape)
    print(my_sequential)
    print(len(list(my_sequential.parameters())))

    class ForgetfulSequential(nn.Module):
        def __init__(self, *args):
            super().__init__()
            self.layers = {index: module for index, module in enumerate(args)}

        def forward(self, X):
            for index in range(len(self.layers)):
                X = self.layers[index](X)
            return X

    forgetful = ForgetfulSequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))
    print(forgetful(X).shape)
    print(forgetful)
    print(len(list(forgetful.parameters())))

    class FixedHiddenMLP(nn.Module):
        def __init__(self):
            super().__init__()
            self.rand_weight = torch.rand((20, 20))
            self.linear = nn.LazyLinear(20)

        def forward(self, X):
            X = self.linear(X)
            X = F.relu(X @ self.rand_weight + 1)
            X = self.linear(X)
            while X.abs().sum() > 1:
                X /= 2
            return X.sum()

    fixed = FixedHiddenMLP()
    print(fixed(X))
    print(len(list(fixed.parameters())))

    class NestMLP(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(nn.LazyLinear(64), nn.ReLU(), nn.LazyLinear(32), nn.ReLU())
            self.linear = nn.LazyLinear(16)

        def forward(self, X):
            return self.linear(self.net(X))

    chimera = nn.Sequential(NestMLP(), nn.LazyLinear(20), FixedHiddenMLP())
    print(chimera(X))
    print(chimera)
    print(len(list(chimera.parameters())))


def custom_layers():
    torch.manual_seed(42)

    class CenteredLayer(nn.Module):
        def forward(self, X):
            return X - X.mean()

    layer = CenteredLayer()
    print(layer(torch.tensor([1.0, 2, 3, 4, 5])))
    net = nn.Sequential(nn.LazyLinear(128), CenteredLayer())
    Y = net(torch.rand(4, 8))
    print(Y.mean())

    class MyLinear(nn.Module):
        def __init__(self, in_units, units):
            super().__init__()
            self.weight = nn.Parameter(torch.randn(in_units, units))
            self.bias = nn.Parameter(torch.randn(units))

        def forward(self, X):
            linear = torch.matmul(X, self.weight.data) + self.bias.data
            return F.relu(linear)

    linear = MyLinear(5, 3)
    print(linear.weight)
    print(linear(torch.rand(2, 5)))
    net = nn.Sequential(MyLinear(64, 8), MyLinear(8, 1))
    print(net(torch.rand(2, 64)))
    for name, parameter in net.named_parameters():
        print(name, parameter.shape)
    loss = net(torch.rand(2, 64)).sum()
    loss.backward()
    print(net[0].bias.grad)


if __name__ == "__main__":
    chapters = sys.argv[1:] or ["layers-and-modules", "custom-layers"]
    for chapter in chapters:
        {"layers-and-modules": layers_and_modules, "custom-layers": custom_layers}[chapter]()
