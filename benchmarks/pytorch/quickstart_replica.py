#!/usr/bin/python3
"""The quickstart's protocol written again in plain PyTorch, as a cross-check of Graft's numbers.

Independent of Graft's code (nothing shared but the bundled data): pretrain the convnet
(3 blocks of conv 3x3 without bias, BatchNorm, ReLU, 2x2 max pooling, global average pooling after
the last; channels 16, 32, 64) with an MLP projector (256 hidden) on Fashion-MNIST classes 0-4 of
experiments/data/fashion-mnist-subset (Adam 1e-3, 10 epochs, batches of 64, 10% held out, best
validation epoch kept), then per seed draw --samples images per class of classes 5-9 (20% of them
for validation) and train three networks with a linear and an MLP head (64 hidden, dropout 0.5):
scratch (random initialisation, everything trains), frozen (the pretrained backbone frozen, its
BatchNorm in inference mode) and full (everything trains, the backbone at 0.1x the head's rate);
Adam 0.01, batches of 16, at most 40 epochs, early stopping after 10 epochs without a better
validation accuracy, the best validation epoch's weights scored on the 1,500 test images.

The draws differ from Graft's (another random generator), so single numbers differ; what should
agree is the picture. Two options try ideas from the literature that Graft does not have (and --channels, --batch, --epochs, --patience and
--backbone-rate vary the recipe):
--rotation-aux W adds a self-supervised rotation-prediction loss (weight W, 4 rotations) to the
pretraining (Gidaris et al., ICLR 2018 / ICCV 2019); --multiscale feeds the heads the global
average pool of every block, not only the last (cf. Evci et al., Head2Toe, ICML 2022).
--pooling flatten keeps positions in the features (as Graft's convnet `pooling: flatten`), and
--validation 0 trains on every labelled image for the full budget (no early stopping).

--ceiling asks how much a frozen backbone could give at all: per seed it fits an L2-regularised
logistic regression to convergence on all labelled images (training and validation) and keeps the
best test accuracy over five L2 weights, an upper bound for any linear head on those features,
for raw pixels, a randomly initialised backbone and the pretrained one, each beside the linear
scratch baseline.

    /usr/bin/python3 benchmarks/pytorch/quickstart_replica.py --seeds 1 2 3

--protocol digits replicates the current quickstart instead (experiments/descriptors/quickstart.yaml;
the protocol above is experiments/descriptors/fashion-split.yaml): two convnets pretrained with a
linear source head, one on the bundled MNIST digits 0-4 and one on Fashion-MNIST classes 0-4, then
per seed and per --sizes (labelled images per class of digits 5-9, 20% of them, at least one per
class, held out for early stopping after 10 epochs without a better validation accuracy, the best
of at most 40 epochs scored) a linear head frozen on each, fully fine-tuned on each
(backbone at 0.1x), and scratch, scored on the bundled test digits 5-9. It prints each trial's
accuracy, one table row per strategy, and the wall time.

Needs python3-torch and python3-numpy; exits 1 with a message otherwise. 2 threads; about a minute
for 5 seeds on 2 cores.
"""
import argparse
import copy
import gzip
import math
import os
import struct
import sys

try:
    import numpy as np
    import torch
    import torch.nn.functional as F
    from torch import nn
except ImportError as e:
    print(f"needs python3-torch and python3-numpy: {e}")
    sys.exit(1)

BUNDLED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "experiments", "data")
DATA = os.path.join(BUNDLED, "fashion-mnist-subset")
# feature sets and L2 weights of --ceiling
CEILING = ("pixels", "random backbone", "pretrained backbone")
DECAYS = (1e-4, 1e-3, 1e-2, 1e-1, 1.0)
# two-sided 97.5% quantiles of Student's t for 1..9 degrees of freedom
T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262]


def read_idx(name, data=DATA):
    with gzip.open(os.path.join(data, name), "rb") as f:
        data = f.read()
    rank = struct.unpack(">I", data[:4])[0] & 0xFF
    dims = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    return np.frombuffer(data[4 + 4 * rank:], np.uint8).reshape(dims)


def tensor(images):
    return torch.tensor((images.astype(np.float32) / 255 - 0.5) / 0.5).unsqueeze(1)


class ConvNet(nn.Module):
    def __init__(self, channels=(16, 32, 64), multiscale=False, flatten=False):
        super().__init__()
        blocks, previous = [], 1
        for i, c in enumerate(channels):
            layers = [nn.Conv2d(previous, c, 3, padding=1, bias=False), nn.BatchNorm2d(c), nn.ReLU()]
            if i < len(channels) - 1 or flatten:
                layers.append(nn.MaxPool2d(2))
            blocks.append(nn.Sequential(*layers))
            previous = c
        self.blocks = nn.ModuleList(blocks)
        self.multiscale = multiscale
        self.flatten = flatten
        side = 28
        for _ in channels:
            side //= 2
        self.features = channels[-1] * side * side if flatten else sum(channels) if multiscale else channels[-1]

    def forward(self, x):
        pooled = []
        for block in self.blocks:
            x = block(x)
            pooled.append(x.mean((2, 3)))
        if self.flatten:
            return x.flatten(1)
        return torch.cat(pooled, 1) if self.multiscale else pooled[-1]


def head(features, classes, mlp):
    if mlp:
        return nn.Sequential(nn.Linear(features, 64), nn.ReLU(), nn.Dropout(0.5), nn.Linear(64, classes))
    return nn.Linear(features, classes)


def evaluate(backbone, top, x, y):
    backbone.eval()
    top.eval()
    with torch.no_grad():
        out = top(backbone(x))
    return (out.argmax(1) == y).float().mean().item(), F.cross_entropy(out, y).item()


def fit(backbone, top, groups, x, y, vx, vy, epochs, batch, patience, generator, train_backbone, aux=None):
    """Adam over groups; keeps the best validation epoch (accuracy, ties to the lower loss), or the
    last epoch when there are no validation images."""
    optimizer = torch.optim.Adam(groups)
    best, best_state, best_epoch = (-1.0, math.inf), None, 0
    for epoch in range(epochs):
        backbone.train(train_backbone)
        top.train()
        order = torch.randperm(len(x), generator=generator)
        for start in range(0, len(x), batch):
            b = order[start:start + batch]
            loss = F.cross_entropy(top(backbone(x[b])), y[b])
            if aux is not None:
                weight, rotation_head = aux
                turns = torch.randint(0, 4, (len(b),), generator=generator)
                rotated = torch.stack([torch.rot90(image, int(k), (1, 2)) for image, k in zip(x[b], turns)])
                loss = loss + weight * F.cross_entropy(rotation_head(backbone(rotated)), turns)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        if len(vx) == 0:
            continue
        accuracy, loss = evaluate(backbone, top, vx, vy)
        if accuracy > best[0] or (accuracy >= best[0] and loss < best[1]):
            best, best_epoch = (accuracy, loss), epoch
            best_state = (copy.deepcopy(backbone.state_dict()), copy.deepcopy(top.state_dict()))
        elif patience and epoch - best_epoch >= patience:
            break
    if best_state is None:
        return math.nan
    backbone.load_state_dict(best_state[0])
    top.load_state_dict(best_state[1])
    return best[0]


def probe(x, y, test_x, test_y, decay):
    """Test accuracy of an L2-regularised logistic regression fitted to convergence (L-BFGS) on
    features standardised with the training features' mean and deviation."""
    mean, deviation = x.mean(0), x.std(0) + 1e-6
    x, test_x = (x - mean) / deviation, (test_x - mean) / deviation
    weights = torch.zeros(x.shape[1], 5, requires_grad=True)
    bias = torch.zeros(5, requires_grad=True)
    optimizer = torch.optim.LBFGS([weights, bias], max_iter=500, line_search_fn="strong_wolfe")

    def closure():
        optimizer.zero_grad()
        loss = F.cross_entropy(x @ weights + bias, y) + decay * (weights ** 2).sum()
        loss.backward()
        return loss

    optimizer.step(closure)
    with torch.no_grad():
        return ((test_x @ weights + bias).argmax(1) == test_y).float().mean().item()


def per_class_split(labels, per_class, validation, rng):
    train, held = [], []
    for c in np.unique(labels):
        chosen = rng.permutation(np.where(labels == c)[0])[:per_class]
        held += list(chosen[:validation])
        train += list(chosen[validation:])
    return np.array(train, dtype=np.int64), np.array(held, dtype=np.int64)


def row(label, transfer, scratch):
    """A table row: mean accuracies and the mean paired difference with its 95% t-interval."""
    gain = transfer - scratch
    half = T975[len(gain) - 2] * gain.std(ddof=1) / math.sqrt(len(gain)) if len(gain) > 1 else float("nan")
    return (f"| {label} | {transfer.mean():.4f} | {scratch.mean():.4f} | "
            f"{gain.mean():+.4f} [{gain.mean() - half:+.4f}, {gain.mean() + half:+.4f}] |")


def pretrain(network, x, y, seed):
    """A backbone trained with a linear source head on all classes of (x, y), 10% held out, the best
    validation epoch kept (Adam 1e-3, 10 epochs, batches of 64); returns it and its validation accuracy."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(x))
    held = len(order) // 10
    backbone = network()
    source_head = nn.Linear(backbone.features, int(y.max()) + 1)
    accuracy = fit(backbone, source_head, [{"params": list(backbone.parameters()) + list(source_head.parameters()), "lr": 1e-3}],
                   tensor(x[order[held:]]), torch.tensor(y[order[held:]]), tensor(x[order[:held]]), torch.tensor(y[order[:held]]),
                   10, 64, 0, torch.Generator().manual_seed(seed), True)
    return backbone, accuracy


def digits_protocol(args):
    """The quickstart's protocol (experiments/descriptors/quickstart.yaml) in plain PyTorch."""
    import time
    started = time.time()
    digits = os.path.join(BUNDLED, "mnist-subset")
    fashion = os.path.join(BUNDLED, "fashion-mnist-subset")
    dx, dy = read_idx("train-images-idx3-ubyte.gz", digits), read_idx("train-labels-idx1-ubyte.gz", digits).astype(np.int64)
    tx, ty = read_idx("t10k-images-idx3-ubyte.gz", digits), read_idx("t10k-labels-idx1-ubyte.gz", digits).astype(np.int64)
    fx, fy = read_idx("train-images-idx3-ubyte.gz", fashion), read_idx("train-labels-idx1-ubyte.gz", fashion).astype(np.int64)

    def network():
        return ConvNet(args.channels)

    sources = {}
    for name, (x, y) in {"digits-0-4": (dx[dy < 5], dy[dy < 5]), "fashion-0-4": (fx[fy < 5], fy[fy < 5])}.items():
        backbone, accuracy = pretrain(network, x, y, args.pretrain_seed)
        sources[name] = copy.deepcopy(backbone.state_dict())
        print(f"pretrained {name}: source validation accuracy {accuracy:.4f}", flush=True)
    pool = np.where(dy >= 5)[0]
    test = np.where(ty >= 5)[0]
    test_images, test_labels = tensor(tx[test]), torch.tensor(ty[test] - 5)
    results = {}
    trials = 0
    for size in args.sizes:
        for seed in args.seeds:
            rng = np.random.default_rng(seed)
            held = max(1, round(args.validation * size)) if args.validation > 0 else 0
            train, validation = per_class_split(dy[pool], size, held, rng)
            x, y = tensor(dx[pool[train]]), torch.tensor(dy[pool[train]] - 5)
            vx, vy = tensor(dx[pool[validation]]), torch.tensor(dy[pool[validation]] - 5)
            for source in [None] + list(sources):
                for kind in (("scratch",) if source is None else ("frozen", "full")):
                    torch.manual_seed(seed)
                    backbone = network()
                    if source is not None:
                        backbone.load_state_dict(sources[source])
                    top = head(backbone.features, 5, False)
                    groups = [{"params": top.parameters(), "lr": 0.01}]
                    if kind != "frozen":
                        groups.append({"params": backbone.parameters(), "lr": 0.01 if kind == "scratch" else 0.01 * args.backbone_rate})
                    fit(backbone, top, groups, x, y, vx, vy, args.epochs, args.batch, args.patience, torch.Generator().manual_seed(seed),
                        kind != "frozen")
                    accuracy, _ = evaluate(backbone, top, test_images, test_labels)
                    results[(size, source, kind, seed)] = accuracy
                    trials += 1
                    print(f"{size}/class seed {seed} {source or 'scratch'} {kind}: test accuracy {accuracy:.4f}", flush=True)
    print()
    print("| samples/class | backbone | freeze | transfer acc | scratch acc | gain [95% CI] |")
    print("|---:|---|---|---:|---:|---:|")
    for size in args.sizes:
        scratch = np.array([results[(size, None, "scratch", s)] for s in args.seeds])
        for source in sources:
            for kind in ("frozen", "full"):
                print(row(f"{size} | {source} | {kind}", np.array([results[(size, source, kind, s)] for s in args.seeds]), scratch))
    print(f"replica trials={trials} seconds={time.time() - started:.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--protocol", choices=["fashion-split", "digits"], default="fashion-split",
                        help="fashion-split: the protocol described above; digits: the current quickstart's")
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 20, 50], help="digits protocol: labelled target images per class")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--samples", type=int, default=10, help="labelled target images per class")
    parser.add_argument("--pretrain-seed", type=int, default=0)
    parser.add_argument("--rotation-aux", type=float, default=0.0, help="weight of a rotation-prediction loss in pretraining")
    parser.add_argument("--multiscale", action="store_true", help="heads read every block's pooled features")
    parser.add_argument("--channels", type=int, nargs="+", default=[16, 32, 64], help="channels of each conv block")
    parser.add_argument("--batch", type=int, default=16, help="target batch size")
    parser.add_argument("--epochs", type=int, default=40, help="target epochs at most")
    parser.add_argument("--validation", type=float, default=0.2,
                        help="share of the labelled target images held out for early stopping; 0 = train on all, keep the last epoch")
    parser.add_argument("--patience", type=int, default=10, help="early-stopping patience on the target")
    parser.add_argument("--pooling", choices=["average", "flatten"], default="average",
                        help="features: global average pooling, or a last 2x2 max pooling and every position's channels (overrides --multiscale)")
    parser.add_argument("--ceiling", action="store_true",
                        help="also: the best a linear classifier on frozen features can do (logistic regression on all "
                             "labelled images, L2 weight chosen on the test set) for raw pixels, a random backbone and the pretrained one")
    parser.add_argument("--backbone-rate", type=float, default=0.1, help="full fine-tuning: backbone rate as a fraction of the head's")
    args = parser.parse_args()
    torch.set_num_threads(2)
    if args.protocol == "digits":
        digits_protocol(args)
        return

    def network():
        return ConvNet(args.channels, args.multiscale, args.pooling == "flatten")

    train_x, train_y = read_idx("train-images-idx3-ubyte.gz"), read_idx("train-labels-idx1-ubyte.gz").astype(np.int64)
    test_x, test_y = read_idx("t10k-images-idx3-ubyte.gz"), read_idx("t10k-labels-idx1-ubyte.gz").astype(np.int64)
    source = np.where(train_y < 5)[0]
    target_pool = np.where(train_y >= 5)[0]
    target_test = np.where(test_y >= 5)[0]
    test_images, test_labels = tensor(test_x[target_test]), torch.tensor(test_y[target_test] - 5)

    # pretraining on classes 0-4, 10% held out
    torch.manual_seed(args.pretrain_seed)
    rng = np.random.default_rng(args.pretrain_seed)
    order = rng.permutation(source)
    held = len(order) // 10
    sx, sy = tensor(train_x[order[held:]]), torch.tensor(train_y[order[held:]])
    svx, svy = tensor(train_x[order[:held]]), torch.tensor(train_y[order[:held]])
    pretrained = network()
    projector = nn.Sequential(nn.Linear(pretrained.features, 256), nn.ReLU(), nn.Linear(256, 5))
    parameters = list(pretrained.parameters()) + list(projector.parameters())
    aux = None
    if args.rotation_aux > 0:
        rotation_head = nn.Sequential(nn.Linear(pretrained.features, 256), nn.ReLU(), nn.Linear(256, 4))
        parameters += list(rotation_head.parameters())
        aux = (args.rotation_aux, rotation_head)
    source_accuracy = fit(pretrained, projector, [{"params": parameters, "lr": 1e-3}], sx, sy, svx, svy, 10, 64, 0,
                          torch.Generator().manual_seed(args.pretrain_seed), True, aux)
    print(f"pretrained: source validation accuracy {source_accuracy:.4f}", flush=True)
    weights = copy.deepcopy(pretrained.state_dict())

    results = {}
    for seed in args.seeds:
        rng = np.random.default_rng(seed)
        train, held = per_class_split(train_y[target_pool], args.samples, max(1, round(args.validation * args.samples)) if args.validation > 0 else 0, rng)
        x, y = tensor(train_x[target_pool[train]]), torch.tensor(train_y[target_pool[train]] - 5)
        vx, vy = tensor(train_x[target_pool[held]]), torch.tensor(train_y[target_pool[held]] - 5)
        for mlp in (False, True):
            for kind in ("scratch", "frozen", "full"):
                torch.manual_seed(seed)
                backbone = network()
                if kind != "scratch":
                    backbone.load_state_dict(weights)
                top = head(backbone.features, 5, mlp)
                groups = [{"params": top.parameters(), "lr": 0.01}]
                if kind != "frozen":
                    groups.append({"params": backbone.parameters(), "lr": 0.01 if kind == "scratch" else 0.01 * args.backbone_rate})
                fit(backbone, top, groups, x, y, vx, vy, args.epochs, args.batch, args.patience, torch.Generator().manual_seed(seed),
                    kind != "frozen")
                accuracy, _ = evaluate(backbone, top, test_images, test_labels)
                results[(mlp, kind, seed)] = accuracy
                print(f"seed {seed} {'mlp' if mlp else 'linear'} {kind}: test accuracy {accuracy:.4f}", flush=True)
        if args.ceiling:
            torch.manual_seed(seed)
            backbones = {"random backbone": network(), "pretrained backbone": pretrained}
            labelled, labels = torch.cat([x, vx]), torch.cat([y, vy])
            for name in CEILING:
                with torch.no_grad():
                    if name == "pixels":
                        train_features, test_features = labelled.flatten(1), test_images.flatten(1)
                    else:
                        backbones[name].eval()
                        train_features, test_features = backbones[name](labelled), backbones[name](test_images)
                accuracy = max(probe(train_features, labels, test_features, test_labels, decay) for decay in DECAYS)
                results[("ceiling", name, seed)] = accuracy
                print(f"seed {seed} ceiling, {name}: test accuracy {accuracy:.4f}", flush=True)

    print()
    print("| head | freeze | transfer acc | scratch acc | gain [95% CI] |")
    print("|---|---|---:|---:|---:|")
    for mlp in (False, True):
        scratch = np.array([results[(mlp, "scratch", s)] for s in args.seeds])
        for kind in ("frozen", "full"):
            print(row(f"{'mlp' if mlp else 'linear'} | {kind}", np.array([results[(mlp, kind, s)] for s in args.seeds]), scratch))
    if args.ceiling:
        print()
        print("| linear classifier, L2 chosen on test | accuracy | scratch (linear head) | difference [95% CI] |")
        print("|---|---:|---:|---:|")
        scratch = np.array([results[(False, "scratch", s)] for s in args.seeds])
        for name in CEILING:
            print(row(name, np.array([results[("ceiling", name, s)] for s in args.seeds]), scratch))


if __name__ == "__main__":
    main()
