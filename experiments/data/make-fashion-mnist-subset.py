#!/usr/bin/env python3
"""Writes the bundled Fashion-MNIST subset that the quickstart and the tests use.

Source: the full dataset from Debian's package (apt-get install dataset-fashion-mnist), or any
directory holding the four original IDX files (gzip). Selection is deterministic: the first N
images of each class in file order, kept in file order.

    python3 experiments/data/make-fashion-mnist-subset.py [SOURCE_DIR]

Train split: classes 0-4 (the quickstart's source task) keep 1000 images each, classes 5-9
(its target task) keep 300 each. Test split: 300 images of every class.
"""
import gzip
import hashlib
import os
import struct
import sys

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fashion-mnist-subset")
TRAIN_PER_CLASS = {c: (1000 if c < 5 else 300) for c in range(10)}
TEST_PER_CLASS = {c: 300 for c in range(10)}


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    rank = magic & 0xFF
    dims = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    return dims, data[4 + 4 * rank:]


def write_idx(path, dims, payload):
    header = struct.pack(">I", 0x0800 | len(dims)) + struct.pack(">" + "I" * len(dims), *dims)
    # mtime=0 keeps the gzip bytes identical from run to run
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(header + payload)


def subset(prefix, per_class):
    (n, h, w), images = read_idx(os.path.join(SOURCE, prefix + "-images-idx3-ubyte.gz"))
    (n_labels,), labels = read_idx(os.path.join(SOURCE, prefix + "-labels-idx1-ubyte.gz"))
    assert n == n_labels, "image and label counts differ"
    taken = {c: 0 for c in per_class}
    keep = []
    for i in range(n):
        c = labels[i]
        if taken[c] < per_class[c]:
            taken[c] += 1
            keep.append(i)
    size = h * w
    out_images = b"".join(images[i * size:(i + 1) * size] for i in keep)
    out_labels = bytes(labels[i] for i in keep)
    write_idx(os.path.join(OUT, prefix + "-images-idx3-ubyte.gz"), (len(keep), h, w), out_images)
    write_idx(os.path.join(OUT, prefix + "-labels-idx1-ubyte.gz"), (len(keep),), out_labels)
    print(f"{prefix}: {len(keep)} images, per class {taken}, sha256 of images "
          f"{hashlib.sha256(out_images).hexdigest()[:16]}")


os.makedirs(OUT, exist_ok=True)
subset("train", TRAIN_PER_CLASS)
subset("t10k", TEST_PER_CLASS)
