#!/usr/bin/env python3
"""Reference outputs and gradients of the parameter-efficient fine-tuning plugins, by PyTorch.

Writes plugins/peft/src/test/resources/peft-reference.json. Each case fixes inputs, weights and
an upstream gradient g, computes the forward output y as the method's authors' code does (LoRA
in Hugging Face PEFT's unmerged form, lora_B(lora_A(x)) added to the layer's output; a Houlsby
bottleneck adapter; a residual 1x1 convolution adapter; BitFit's bias-only update) and the
gradients of sum(y * g) with respect to every trained tensor and the input. The Java test runs
Graft's plugin on the same numbers (LoRA folded into the weight through a reparametrisation,
adapters inserted after a layer) and compares to 1e-5. Needs PyTorch
(apt-get install python3-torch); run with /usr/bin/python3 tools/peft_reference.py.
"""
import json
import pathlib

import torch
import torch.nn.functional as F

OUT = pathlib.Path(__file__).resolve().parent.parent / "plugins/peft/src/test/resources/peft-reference.json"

torch.manual_seed(11)
torch.set_default_dtype(torch.float64)  # the reference in double: the float32 Java side is compared to 1e-5


def flat(t):
    return t.detach().flatten().tolist()


def tensor(*shape):
    return (torch.rand(*shape) - 0.5).requires_grad_(True)


def lora(name, x, w, b, a, bb, rank, alpha, layer):
    """PEFT's unmerged LoRA: layer(x, W, b) + (alpha / r) * lora_B(lora_A(x)), lora_A a layer of the same kind
    (for a convolution, same kernel and padding) to r outputs and lora_B a 1x1 one back. B is not zero, so
    that A gets a gradient."""
    y = layer(x, w, b) + (alpha / rank) * layer(layer(x, a, None), bb, None, plain=True)
    g = torch.rand_like(y) - 0.5
    (y * g).sum().backward()
    return {"name": name, "rank": rank, "alpha": alpha, "x": flat(x), "xShape": list(x.shape), "weight": flat(w),
            "weightShape": list(w.shape), "bias": flat(b), "loraA": flat(a), "loraB": flat(bb), "g": flat(g), "y": flat(y),
            "gradLoraA": flat(a.grad), "gradLoraB": flat(bb.grad), "gradX": flat(x.grad)}


def linear(x, w, b, plain=False):
    return F.linear(x, w, b)


def conv(x, w, b, plain=False):
    return F.conv2d(x, w, b, padding=0 if plain else 1)


def lora_linear():
    rank = 2
    return lora("lora-linear", tensor(3, 5), tensor(6, 5).detach(), tensor(6).detach(), tensor(rank, 5), tensor(6, rank), rank, 4.0, linear)


def lora_conv():
    rank = 2
    return lora("lora-conv", tensor(2, 3, 5, 5), tensor(4, 3, 3, 3).detach(), tensor(4).detach(), tensor(rank, 3, 3, 3),
                tensor(4, rank, 1, 1), rank, 2.0, conv)


def bottleneck():
    dim, m = 8, 3
    x = tensor(2, 4, dim)
    down_w, down_b, up_w, up_b = tensor(m, dim), tensor(m), tensor(dim, m), tensor(dim)
    y = x + F.linear(F.gelu(F.linear(x, down_w, down_b)), up_w, up_b)  # Houlsby: h + f(h W_down) W_up
    g = torch.rand_like(y) - 0.5
    (y * g).sum().backward()
    return {"name": "bottleneck", "bottleneck": m, "x": flat(x), "xShape": list(x.shape), "downWeight": flat(down_w), "downBias": flat(down_b),
            "upWeight": flat(up_w), "upBias": flat(up_b), "g": flat(g), "y": flat(y), "gradDownWeight": flat(down_w.grad),
            "gradDownBias": flat(down_b.grad), "gradUpWeight": flat(up_w.grad), "gradUpBias": flat(up_b.grad), "gradX": flat(x.grad)}


def residual_conv():
    c = 3
    x = tensor(2, c, 4, 4)
    w = tensor(c, c, 1, 1)
    y = x + F.conv2d(x, w)  # Rebuffi's series adapter without its BatchNorm
    g = torch.rand_like(y) - 0.5
    (y * g).sum().backward()
    return {"name": "residual-conv", "x": flat(x), "xShape": list(x.shape), "weight": flat(w), "g": flat(g), "y": flat(y),
            "gradWeight": flat(w.grad), "gradX": flat(x.grad)}


def bitfit():
    """Linear, LayerNorm, ReLU, Linear; only biases (and LayerNorm's shift) train: one SGD step."""
    x = torch.rand(4, 5) - 0.5
    labels = torch.tensor([0, 2, 1, 2])
    w1, b1 = torch.rand(6, 5) - 0.5, (torch.rand(6) - 0.5).requires_grad_(True)
    gamma, beta = torch.rand(6) + 0.5, (torch.rand(6) - 0.5).requires_grad_(True)
    w2, b2 = torch.rand(3, 6) - 0.5, (torch.rand(3) - 0.5).requires_grad_(True)
    h = F.relu(F.layer_norm(F.linear(x, w1, b1), (6,), gamma, beta, eps=1e-5))
    loss = F.cross_entropy(F.linear(h, w2, b2), labels)
    loss.backward()
    lr = 0.1
    return {"name": "bitfit", "x": flat(x), "labels": labels.tolist(), "w1": flat(w1), "b1": flat(b1), "gamma": flat(gamma), "beta": flat(beta),
            "w2": flat(w2), "b2": flat(b2), "lr": lr, "loss": loss.item(),
            "b1After": flat(b1 - lr * b1.grad), "betaAfter": flat(beta - lr * beta.grad), "b2After": flat(b2 - lr * b2.grad)}


OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({"torch": torch.__version__, "cases": [lora_linear(), lora_conv(), bottleneck(), residual_conv(), bitfit()]},
                          indent=1) + "\n")
print("wrote", OUT)
