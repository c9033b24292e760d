#!/usr/bin/env python3
"""Reference trajectories of the optimizer and schedule plugins, computed by PyTorch's own.

Writes plugins/optimizers/src/test/resources/optimizer-reference.json: for each optimiser and
config, a starting weight, five gradients and the weight after each of five steps; for each
schedule, its factor at fractional epochs (torch.optim.lr_scheduler). The Java test
runs the plugin's update rule on the same numbers and compares. Needs PyTorch
(apt-get install python3-torch); run with /usr/bin/python3 tools/optimizer_reference.py.
"""
import json
import pathlib

import torch

OUT = pathlib.Path(__file__).resolve().parent.parent / "plugins/optimizers/src/test/resources/optimizer-reference.json"

torch.manual_seed(7)
WEIGHT = torch.randn(2, 3)
GRADIENTS = [torch.randn(2, 3) for _ in range(5)]

CASES = [
    ("rmsprop", {}, lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0)),
    ("rmsprop", {"lr": 0.05, "alpha": 0.9, "weightDecay": 0.1},
     lambda p: torch.optim.RMSprop(p, lr=0.05, alpha=0.9, eps=1e-8, weight_decay=0.1)),
    ("adagrad", {}, lambda p: torch.optim.Adagrad(p, lr=0.01, eps=1e-10, weight_decay=0)),
    ("adagrad", {"lr": 0.1, "weightDecay": 0.05}, lambda p: torch.optim.Adagrad(p, lr=0.1, eps=1e-10, weight_decay=0.05)),
    ("adamw", {}, lambda p: torch.optim.AdamW(p, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)),
    ("adamw", {"lr": 0.01, "beta1": 0.8, "beta2": 0.99, "weightDecay": 0.1},
     lambda p: torch.optim.AdamW(p, lr=0.01, betas=(0.8, 0.99), eps=1e-8, weight_decay=0.1)),
]

cases = []
for name, fields, make in CASES:
    weight = torch.nn.Parameter(WEIGHT.clone())
    optimizer = make([weight])
    steps = []
    for gradient in GRADIENTS:
        weight.grad = gradient.clone()
        optimizer.step()
        steps.append(weight.detach().flatten().tolist())
    cases.append({"type": name, "fields": fields, "steps": steps})

# learning-rate schedules: the factor on the base rate at fractional epochs, as PyTorch steps them
schedules = []
for fields, t0, mult, eta in [({"period": 3}, 3, 1, 0.0), ({"period": 2, "multiplier": 2, "minFactor": 0.1}, 2, 2, 0.1)]:
    weight = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([weight], lr=1.0)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=t0, T_mult=mult, eta_min=eta)
    points = []
    for i in range(0, 40):
        epoch = i * 0.25
        scheduler.step(epoch)
        points.append([epoch, optimizer.param_groups[0]["lr"]])
    schedules.append({"type": "cosine-restarts", "fields": fields, "factors": points})

OUT.write_text(json.dumps({
    "torch": torch.__version__,
    "shape": list(WEIGHT.shape),
    "weight": WEIGHT.flatten().tolist(),
    "gradients": [g.flatten().tolist() for g in GRADIENTS],
    "cases": cases,
    "schedules": schedules,
}, indent=1) + "\n")
print("wrote", OUT)
