#!/usr/bin/python3
"""The train-throughput benchmark's network in Python PyTorch, for the pytorch-reference figure.

Three blocks of conv 3x3 (no bias), BatchNorm, ReLU, 2x2 max pooling (global average pooling after
the last), a linear layer to 10 classes; Adam; batches of --batch random 1x28x28 images (the
throughput does not depend on the pixel values). One warm-up epoch, then the best of --rounds rounds
of --epochs epochs. Prints images per second as its last line. Needs python3-torch; exits 1 with
a message otherwise.
"""
import argparse
import sys
import time

try:
    import torch
    from torch import nn
except ImportError:
    print("python3-torch is not installed")
    sys.exit(1)


def network():
    layers = []
    channels = [1, 16, 32, 64]
    for i in range(3):
        layers += [nn.Conv2d(channels[i], channels[i + 1], 3, padding=1, bias=False), nn.BatchNorm2d(channels[i + 1]), nn.ReLU()]
        layers.append(nn.MaxPool2d(2) if i < 2 else nn.AdaptiveAvgPool2d(1))
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(64, 10))


def run(model, optimizer, x, y, batch, epochs):
    loss_fn = nn.CrossEntropyLoss()
    started = time.perf_counter()
    for _ in range(epochs):
        order = torch.randperm(x.shape[0])
        for start in range(0, x.shape[0], batch):
            idx = order[start:start + batch]
            optimizer.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
    return x.shape[0] * epochs / (time.perf_counter() - started)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--images", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    x = torch.rand(args.images, 1, 28, 28)
    y = torch.randint(0, 10, (args.images,))
    model = network().train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    run(model, optimizer, x, y, args.batch, 1)
    print(max(run(model, optimizer, x, y, args.batch, args.epochs) for _ in range(args.rounds)))


if __name__ == "__main__":
    main()
