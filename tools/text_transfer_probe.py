#!/usr/bin/env python3
"""Groundwork for issue 19 (text transfer), in plain PyTorch: does supervised pretraining on some
WordNet lexicographer categories help classify definitions of other categories with few labels?

A word-level vocabulary from the source text (words seen twice), definitions cut to 24 tokens, an
encoder of 64-d embeddings, a width-3 convolution to 128 channels, ReLU and max-pooling over the
words; pretrained with Adam (lr 1e-3, batch 32) on the source categories; then, on the target
categories with 5, 20 and 50 labelled definitions per class (5 draws each), a linear head trained
30 epochs (batch 16) on the frozen encoder ('frozen'), the whole network from the pretrained
weights ('full'), or from random weights ('scratch'); accuracy on the target test definitions.

    /usr/bin/python3 tools/text_transfer_probe.py nouns          # 12 noun categories -> the other 11
    /usr/bin/python3 tools/text_transfer_probe.py rest           # the other 24 categories -> 11 nouns
    /usr/bin/python3 tools/text_transfer_probe.py nouns --big    # source from all of WordNet (apt-get install wordnet-base)

With --big the source task uses every noun and verb synset of the source categories in Debian's
wordnet-base except the bundled test split (about 100,000 definitions) instead of the bundled
300 per class. Needs python3-torch (Debian's PyTorch 1.13 was used).
"""
import csv
import os
import random
import re
import sys
import time
from collections import Counter

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "experiments", "data", "wordnet-glosses")
LENGTH = 24


def load(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def tokens(text):
    return re.findall(r"[a-z0-9]+", text.lower())


class Encoder(nn.Module):
    def __init__(self, vocab):
        super().__init__()
        self.emb = nn.Embedding(vocab, 64, padding_idx=0)
        self.conv = nn.Conv1d(64, 128, 3, padding=1)

    def forward(self, x):
        h = F.relu(self.conv(self.emb(x).transpose(1, 2)))
        return h.masked_fill(~(x > 0).unsqueeze(1), -1e9).max(2).values


def fit(model, x, y, epochs, params, batch, seed):
    generator = torch.Generator().manual_seed(seed)
    optimizer = torch.optim.Adam(params, lr=1e-3)
    for _ in range(epochs):
        order = torch.randperm(len(x), generator=generator)
        for i in range(0, len(x), batch):
            b = order[i:i + batch]
            optimizer.zero_grad()
            F.cross_entropy(model(x[b]), y[b]).backward()
            optimizer.step()


def accuracy(model, x, y):
    with torch.no_grad():
        return (model(x).argmax(1) == y).float().mean().item()


def main():
    split = sys.argv[1] if len(sys.argv) > 1 else "nouns"
    big = "--big" in sys.argv
    train, test = load("train.tsv"), load("test.tsv")
    categories = sorted(set(r["category"] for r in train))
    nouns = [c for c in categories if c.startswith("noun.")]
    target = nouns[1::2]
    source = nouns[::2] if split == "nouns" else [c for c in categories if c not in target]
    source_rows = [r for r in train if r["category"] in source]
    if big:
        sys.path.insert(0, os.path.join(HERE, "..", "experiments", "data"))
        import importlib.util
        spec = importlib.util.spec_from_file_location("glosses", os.path.join(HERE, "..", "experiments", "data", "make-wordnet-glosses.py"))
        glosses = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(glosses)
        glosses.SOURCE = "/usr/share/wordnet"
        held_out = set(r["offset"] for r in test)
        source_rows = [dict(category=glosses.LEXNAMES[f], offset=o, words=w, definition=d)
                       for pos in ("noun", "verb") for f, o, w, d in glosses.synsets(pos)
                       if o not in held_out and glosses.LEXNAMES[f] in source]
    counts = Counter(w for r in source_rows for w in tokens(r["definition"]))
    vocab = {w: i + 2 for i, (w, c) in enumerate(x for x in counts.most_common() if x[1] >= 2)}

    def encode(rows, classes):
        x = torch.zeros(len(rows), LENGTH, dtype=torch.long)
        for i, r in enumerate(rows):
            ids = [vocab.get(w, 1) for w in tokens(r["definition"])][:LENGTH]
            x[i, :len(ids)] = torch.tensor(ids)
        return x, torch.tensor([classes.index(r["category"]) for r in rows])

    started = time.time()
    torch.manual_seed(0)
    encoder = Encoder(len(vocab) + 2)
    pretrain = nn.Sequential(encoder, nn.Linear(128, len(source)))
    xs, ys = encode(source_rows, source)
    fit(pretrain, xs, ys, 4 if big else 8, pretrain.parameters(), 32, 0)
    xsv, ysv = encode([r for r in test if r["category"] in source], source)
    print("%s%s: %d source categories (%d definitions), %d target, vocabulary %d, source test accuracy %.3f (%.0f s)"
          % (split, " --big" if big else "", len(source), len(source_rows), len(target), len(vocab) + 2, accuracy(pretrain, xsv, ysv),
             time.time() - started))
    weights = encoder.state_dict()
    xt, yt = encode([r for r in test if r["category"] in target], target)
    for per_class in (5, 20, 50):
        results = {"scratch": [], "frozen": [], "full": []}
        for seed in range(5):
            rnd = random.Random(seed)
            picked = []
            for c in target:
                rows = [r for r in train if r["category"] == c]
                rnd.shuffle(rows)
                picked += rows[:per_class]
            x, y = encode(picked, target)
            for mode, scores in results.items():
                torch.manual_seed(100 + seed)
                e = Encoder(len(vocab) + 2)
                if mode != "scratch":
                    e.load_state_dict(weights)
                model = nn.Sequential(e, nn.Linear(128, len(target)))
                fit(model, x, y, 30, list((model[1] if mode == "frozen" else model).parameters()), 16, seed)
                scores.append(accuracy(model, xt, yt))
        mean = {k: sum(v) / len(v) for k, v in results.items()}
        print("%d/class: scratch %.3f, frozen %.3f (gain %+.3f), full %.3f (gain %+.3f)"
              % (per_class, mean["scratch"], mean["frozen"], mean["frozen"] - mean["scratch"], mean["full"], mean["full"] - mean["scratch"]))


if __name__ == "__main__":
    main()
