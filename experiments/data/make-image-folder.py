#!/usr/bin/env python3
"""Writes the small image folder that folder-example.yaml and the image-folder tests use.

From the bundled Fashion-MNIST subset (experiments/data/fashion-mnist-subset), classes 5-9: the
first 40 training and the first 20 test images of each class, in file order, as 8-bit grayscale
PNG files under experiments/data/image-folder-example/{train,test}/<class name>/<index>.png, the
layout Keras' flow_from_directory reads. Standard library only (PNG written with zlib).

    python3 experiments/data/make-image-folder.py
"""
import gzip
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "fashion-mnist-subset")
OUT = os.path.join(HERE, "image-folder-example")
NAMES = {5: "sandal", 6: "shirt", 7: "sneaker", 8: "bag", 9: "ankle-boot"}
PER_CLASS = {"train": 40, "test": 20}


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    rank = data[3]
    dims = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    return dims, data[4 + 4 * rank:]


def png(path, width, height, pixels):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + pixels[y * width:(y + 1) * width] for y in range(height))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    for split, prefix in (("train", "train"), ("test", "t10k")):
        (n, h, w), images = read_idx(os.path.join(SOURCE, prefix + "-images-idx3-ubyte.gz"))
        _, labels = read_idx(os.path.join(SOURCE, prefix + "-labels-idx1-ubyte.gz"))
        written = {c: 0 for c in NAMES}
        for i in range(n):
            c = labels[i]
            if c in NAMES and written[c] < PER_CLASS[split]:
                folder = os.path.join(OUT, split, NAMES[c])
                os.makedirs(folder, exist_ok=True)
                png(os.path.join(folder, "%03d.png" % written[c]), w, h, images[i * h * w:(i + 1) * h * w])
                written[c] += 1
        print(split, written)


if __name__ == "__main__":
    main()
