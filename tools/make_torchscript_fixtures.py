#!/usr/bin/python3
"""Writes small TorchScript stages and reference activations for Graft's torchscript tests.

A two-stage CNN for 1x28x28 inputs, seeded random weights, each stage traced and saved on its own
(Graft runs them in sequence as two layer groups):

  stage1.pt   Conv2d(1, 4, 3, padding=1), BatchNorm2d(4), ReLU, MaxPool2d(2)      -> 4 x 14 x 14
  stage2.pt   Conv2d(4, 8, 3, padding=1), ReLU, AdaptiveAvgPool2d(1), Flatten      -> 8
  whole/whole.pt  both stages in one traced module (nn.Sequential(stage1, stage2)), in a directory
                 of its own as a DJL model directory for the djl-zoo backbone; same outputs
  reference.txt  first line the input shape, then the input values, then the eval-mode output
                 (2 x 8) values, one per line

Needs Debian's python3-torch (apt-get install python3-torch):

    /usr/bin/python3 tools/make_torchscript_fixtures.py
"""
import os

import torch
from torch import nn

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "plugins", "torchscript", "src", "test", "resources", "torchscript")


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(5)
    stage1 = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2))
    stage2 = nn.Sequential(nn.Conv2d(4, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten())
    with torch.no_grad():  # non-trivial BatchNorm statistics
        stage1[1].running_mean.uniform_(-0.2, 0.2)
        stage1[1].running_var.uniform_(0.5, 1.5)
        stage1[1].weight.uniform_(0.5, 1.5)
        stage1[1].bias.uniform_(-0.1, 0.1)
    stage1.eval()
    stage2.eval()
    example = torch.rand(1, 1, 28, 28)
    torch.jit.trace(stage1, example).save(os.path.join(OUT, "stage1.pt"))
    torch.jit.trace(stage2, stage1(example)).save(os.path.join(OUT, "stage2.pt"))
    os.makedirs(os.path.join(OUT, "whole"), exist_ok=True)
    torch.jit.trace(nn.Sequential(stage1, stage2).eval(), example).save(os.path.join(OUT, "whole", "whole.pt"))
    x = torch.rand(2, 1, 28, 28)
    with torch.no_grad():
        y = stage2(stage1(x))
    with open(os.path.join(OUT, "reference.txt"), "w") as out:
        out.write(" ".join(str(d) for d in x.shape) + "\n")
        out.write("\n".join(repr(float(v)) for v in x.flatten()) + "\n")
        out.write("\n".join(repr(float(v)) for v in y.flatten()) + "\n")
    print("output", tuple(y.shape), float(y.abs().max()))


if __name__ == "__main__":
    main()
