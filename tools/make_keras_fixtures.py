#!/usr/bin/python3
"""Writes small Keras-layout HDF5 weight files and reference activations for Graft's keras-h5 tests.

No real ImageNet weights can be downloaded where Graft is built, so the tests use a VGG16 with
every layer's filters divided by 16 (4, 8, 16, 32, 32), with seeded random weights, written in
exactly the layouts Keras uses:

  vgg16-w16-weights.h5   model.save_weights(): root attribute layer_names, per-layer weight_names,
                         datasets at /<layer>/<weight name> (Keras 2 names: block1_conv1/kernel:0)
  vgg16-w16-model.h5     model.save(): the same under /model_weights, model_config at the root,
                         layer_names split into chunks (layer_names0, layer_names1) as Keras does
                         for attributes over 64 KB
  vgg16-w16-legacy.h5    the naming of the original ImageNet files (block1_conv1_W_1:0, ..._b_1:0)
  reference.h5           /input (2 x 32 x 32 x 3 RGB in [0, 1]), /preprocessed (Keras'
                         preprocess_input(255 * input, mode='caffe')), /features (block5_pool output,
                         NHWC), computed here with NumPy

Needs Debian's python3-numpy and python3-h5py (apt-get install python3-h5py):

    /usr/bin/python3 tools/make_keras_fixtures.py
"""
import json
import os

import h5py
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "plugins", "keras-hdf5", "src", "test", "resources", "keras")
STAGES = [(1, 2, 64), (2, 2, 128), (3, 3, 256), (4, 3, 512), (5, 3, 512)]
DIVISOR = 16
CAFFE_MEAN_BGR = np.array([103.939, 116.779, 123.68])


def layers():
    names = ["input_1"]
    for stage, convs, _ in STAGES:
        names += ["block%d_conv%d" % (stage, i) for i in range(1, convs + 1)]
        names.append("block%d_pool" % stage)
    return names


def weights(rng):
    out = {}
    channels = 3
    for stage, convs, filters in STAGES:
        filters //= DIVISOR
        for i in range(1, convs + 1):
            fan_in = 3 * 3 * channels
            kernel = rng.normal(0, np.sqrt(2.0 / fan_in), size=(3, 3, channels, filters)).astype(np.float32)
            bias = rng.normal(0, 0.05, size=(filters,)).astype(np.float32)
            out["block%d_conv%d" % (stage, i)] = (kernel, bias)
            channels = filters
    return out


def conv_same_relu(x, kernel, bias):
    n, h, w, _ = x.shape
    padded = np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0)))
    out = np.zeros((n, h, w, kernel.shape[3]), dtype=np.float64)
    for dy in range(3):
        for dx in range(3):
            out += np.einsum("nhwc,co->nhwo", padded[:, dy:dy + h, dx:dx + w, :], kernel[dy, dx].astype(np.float64))
    return np.maximum(out + bias, 0)


def max_pool(x):
    n, h, w, c = x.shape
    return x[:, :h // 2 * 2, :w // 2 * 2, :].reshape(n, h // 2, 2, w // 2, 2, c).max(axis=(2, 4))


def forward(x, w):
    for stage, convs, _ in STAGES:
        for i in range(1, convs + 1):
            kernel, bias = w["block%d_conv%d" % (stage, i)]
            x = conv_same_relu(x, kernel, bias)
        x = max_pool(x)
    return x


def write_layers(group, w, legacy):
    names = layers()
    for name in names:
        layer = group.create_group(name)
        if name in w:
            kernel, bias = w[name]
            if legacy:
                weight_names = [name + "_W_1:0", name + "_b_1:0"]
            else:
                weight_names = [name + "/kernel:0", name + "/bias:0"]
            layer.attrs["weight_names"] = np.array([n.encode() for n in weight_names])
            layer.create_dataset(weight_names[0], data=kernel)
            layer.create_dataset(weight_names[1], data=bias)
        else:
            layer.attrs["weight_names"] = np.array([], dtype="S1")
    return [n.encode() for n in names]


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(16)
    w = weights(rng)

    with h5py.File(os.path.join(OUT, "vgg16-w16-weights.h5"), "w") as f:
        f.attrs["layer_names"] = np.array(write_layers(f, w, legacy=False))
        f.attrs["backend"] = b"tensorflow"
        f.attrs["keras_version"] = b"2.15.0"

    with h5py.File(os.path.join(OUT, "vgg16-w16-legacy.h5"), "w") as f:
        f.attrs["layer_names"] = np.array(write_layers(f, w, legacy=True))

    with h5py.File(os.path.join(OUT, "vgg16-w16-model.h5"), "w") as f:
        config = {"class_name": "Functional", "config": {"name": "vgg16", "layers": [{"name": n} for n in layers()]}}
        f.attrs["model_config"] = json.dumps(config).encode()
        f.attrs["keras_version"] = b"2.15.0"
        f.attrs["backend"] = b"tensorflow"
        group = f.create_group("model_weights")
        names = write_layers(group, w, legacy=False)
        half = len(names) // 2
        group.attrs["layer_names0"] = np.array(names[:half])
        group.attrs["layer_names1"] = np.array(names[half:])
        group.attrs["backend"] = b"tensorflow"

    image = rng.uniform(0, 1, size=(2, 32, 32, 3))
    image = np.round(image * 255) / 255  # 8-bit pixels, as images are
    preprocessed = (image * 255.0)[..., ::-1] - CAFFE_MEAN_BGR  # Keras preprocess_input(mode='caffe')
    features = forward(preprocessed, w)
    with h5py.File(os.path.join(OUT, "reference.h5"), "w") as f:
        f.create_dataset("input", data=image.astype(np.float32))
        f.create_dataset("preprocessed", data=preprocessed.astype(np.float32))
        f.create_dataset("features", data=features.astype(np.float32))
    print("features", features.shape, float(np.abs(features).max()), float(features.mean()))


if __name__ == "__main__":
    main()
