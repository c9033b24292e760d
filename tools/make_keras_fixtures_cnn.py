#!/usr/bin/python3
"""Writes Keras-layout HDF5 weights for ResNet50 and MobileNetV2 and reference activations for
Graft's keras-h5 tests (the VGG fixtures come from make_keras_fixtures.py).

No real ImageNet weights can be downloaded where Graft is built, so the tests use the two
architectures at their full depth, narrowed to keep the files small, with seeded random weights
and every layer named as keras.applications names it (layers without weights included, with
empty weight_names, as Keras writes them):

  resnet50-w16-weights.h5      ResNet50 (Keras >= 2.2.5 names: conv1_conv, conv2_block1_0_conv, ...)
                               with every layer's filters divided by 16, model.save_weights() layout
  mobilenet-v2-a010-model.h5   MobileNetV2 with alpha = 0.1, full-model layout (model_config at the
                               root, weights under /model_weights)
  reference-cnn.h5             for each architecture and each input size (64: even feature maps;
                               45: odd ones, which TensorFlow's 'same' padding treats differently):
                               /<arch>/input<size> (2 x size x size x 3 RGB in [0, 1]) and
                               /<arch>/features<size> (the last layer's output, NHWC), computed here
                               with NumPy in float64 after Keras' preprocess_input (caffe for
                               ResNet50, tf for MobileNetV2)

Needs Debian's python3-numpy and python3-h5py:

    /usr/bin/python3 tools/make_keras_fixtures_cnn.py
"""
import json
import os

import h5py
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "plugins", "keras-hdf5", "src", "test", "resources", "keras")
CAFFE_MEAN_BGR = np.array([103.939, 116.779, 123.68])
SIZES = (64, 45)


# ---- NumPy layers (NHWC, float64) -------------------------------------------------------------

def same_pads(size, kernel, stride):
    """TensorFlow's 'same' padding (before, after) on one axis."""
    if size % stride == 0:
        total = max(kernel - stride, 0)
    else:
        total = max(kernel - size % stride, 0)
    return total // 2, total - total // 2


def conv(x, kernel, bias=None, stride=1, pads=((0, 0), (0, 0)), depthwise=False):
    kh, kw = kernel.shape[:2]
    xp = np.pad(x, ((0, 0), pads[0], pads[1], (0, 0)))
    n, h, w, _ = xp.shape
    oh, ow = (h - kh) // stride + 1, (w - kw) // stride + 1
    out = np.zeros((n, oh, ow, x.shape[3] if depthwise else kernel.shape[3]))
    for dy in range(kh):
        for dx in range(kw):
            patch = xp[:, dy:dy + stride * (oh - 1) + 1:stride, dx:dx + stride * (ow - 1) + 1:stride, :]
            if depthwise:
                out += patch * kernel[dy, dx, :, 0]
            else:
                out += np.einsum("nhwc,co->nhwo", patch, kernel[dy, dx].astype(np.float64))
    return out if bias is None else out + bias


def same(x, kernel, stride):
    return (same_pads(x.shape[1], kernel, stride), same_pads(x.shape[2], kernel, stride))


def batch_norm(x, gamma, beta, mean, variance, epsilon):
    return (x - mean) / np.sqrt(variance + epsilon) * gamma + beta


def relu(x):
    return np.maximum(x, 0)


def relu6(x):
    return np.clip(x, 0, 6)


def max_pool_3x3_s2(x):
    n, h, w, c = x.shape
    oh, ow = (h - 3) // 2 + 1, (w - 3) // 2 + 1
    out = np.full((n, oh, ow, c), -np.inf)
    for dy in range(3):
        for dx in range(3):
            out = np.maximum(out, x[:, dy:dy + 2 * (oh - 1) + 1:2, dx:dx + 2 * (ow - 1) + 1:2, :])
    return out


# ---- random weights ---------------------------------------------------------------------------

class Weights:
    """Layers in Keras order: name -> (list of (weight name, array)); weight-less layers too."""

    def __init__(self, rng):
        self.rng = rng
        self.layers = []
        self.values = {}

    def plain(self, name):
        self.layers.append(name)

    def conv(self, name, kh, cin, cout, bias):
        kernel = self.rng.normal(0, np.sqrt(2.0 / (kh * kh * cin)), size=(kh, kh, cin, cout)).astype(np.float32)
        arrays = [("kernel", kernel)]
        if bias:
            arrays.append(("bias", self.rng.normal(0, 0.05, size=(cout,)).astype(np.float32)))
        self._add(name, arrays)
        return arrays

    def depthwise(self, name, channels):
        kernel = self.rng.normal(0, np.sqrt(2.0 / 9), size=(3, 3, channels, 1)).astype(np.float32)
        self._add(name, [("depthwise_kernel", kernel)])
        return kernel

    def batch_norm(self, name, channels, gamma=(0.5, 1.5)):
        arrays = [("gamma", self.rng.uniform(gamma[0], gamma[1], channels)), ("beta", self.rng.normal(0, 0.1, channels)),
                  ("moving_mean", self.rng.normal(0, 0.1, channels)), ("moving_variance", self.rng.uniform(0.5, 1.5, channels))]
        arrays = [(n, a.astype(np.float32)) for n, a in arrays]
        self._add(name, arrays)
        return [a for _, a in arrays]

    def _add(self, name, arrays):
        self.layers.append(name)
        self.values[name] = arrays

    def write(self, group):
        for name in self.layers:
            layer = group.create_group(name)
            arrays = self.values.get(name, [])
            weight_names = [name + "/" + n + ":0" for n, _ in arrays]
            layer.attrs["weight_names"] = np.array([n.encode() for n in weight_names]) if arrays else np.array([], dtype="S1")
            for weight_name, (_, array) in zip(weight_names, arrays):
                layer.create_dataset(weight_name, data=array)
        return [n.encode() for n in self.layers]


# ---- ResNet50 (keras.applications.resnet) -----------------------------------------------------

def resnet50(w, divisor):
    """Declares the weights (in Keras' layer order) and returns the forward function."""
    eps = 1.001e-5
    ops = []
    w.plain("input_1")
    w.plain("conv1_pad")
    stem = 64 // divisor
    c1 = w.conv("conv1_conv", 7, 3, stem, True)
    b1 = w.batch_norm("conv1_bn", stem)
    for name in ("conv1_relu", "pool1_pad", "pool1_pool"):
        w.plain(name)

    def stem_op(x):
        x = conv(x, c1[0][1], c1[1][1], 2, ((3, 3), (3, 3)))
        x = relu(batch_norm(x, *b1, eps))
        x = np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0)))
        return max_pool_3x3_s2(x)

    ops.append(stem_op)
    channels = stem
    for stage, (filters, blocks) in enumerate(zip((64, 128, 256, 512), (3, 4, 6, 3))):
        filters //= divisor
        for b in range(1, blocks + 1):
            name = "conv%d_block%d" % (stage + 2, b)
            stride = 2 if b == 1 and stage > 0 else 1
            shortcut = None
            if b == 1:
                shortcut = (w.conv(name + "_0_conv", 1, channels, 4 * filters, True), None)
            k1 = w.conv(name + "_1_conv", 1, channels, filters, True)
            n1 = w.batch_norm(name + "_1_bn", filters)
            w.plain(name + "_1_relu")
            k2 = w.conv(name + "_2_conv", 3, filters, filters, True)
            n2 = w.batch_norm(name + "_2_bn", filters)
            w.plain(name + "_2_relu")
            k3 = w.conv(name + "_3_conv", 1, filters, 4 * filters, True)
            if shortcut is not None:
                shortcut = (shortcut[0], w.batch_norm(name + "_0_bn", 4 * filters))
            n3 = w.batch_norm(name + "_3_bn", 4 * filters, gamma=(0.1, 0.3))  # residual branches start small
            w.plain(name + "_add")
            w.plain(name + "_out")

            def block(x, k1=k1, n1=n1, k2=k2, n2=n2, k3=k3, n3=n3, shortcut=shortcut, stride=stride):
                s = x if shortcut is None else batch_norm(conv(x, shortcut[0][0][1], shortcut[0][1][1], stride), *shortcut[1], eps)
                y = relu(batch_norm(conv(x, k1[0][1], k1[1][1], stride), *n1, eps))
                y = relu(batch_norm(conv(y, k2[0][1], k2[1][1], 1, same(y, 3, 1)), *n2, eps))
                y = batch_norm(conv(y, k3[0][1], k3[1][1]), *n3, eps)
                return relu(s + y)

            ops.append(block)
            channels = 4 * filters

    def forward(image):
        x = (image * 255.0)[..., ::-1] - CAFFE_MEAN_BGR  # preprocess_input(mode='caffe')
        for op in ops:
            x = op(x)
        return x

    return forward


# ---- MobileNetV2 (keras.applications.mobilenet_v2) --------------------------------------------

def make_divisible(v, divisor=8):
    new_v = max(divisor, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:
        new_v += divisor
    return new_v


BLOCKS = [(16, 1, 1), (24, 2, 6), (24, 1, 6), (32, 2, 6), (32, 1, 6), (32, 1, 6), (64, 2, 6), (64, 1, 6), (64, 1, 6),
          (64, 1, 6), (96, 1, 6), (96, 1, 6), (96, 1, 6), (160, 2, 6), (160, 1, 6), (160, 1, 6), (320, 1, 6)]


def mobilenet_v2(w, alpha):
    eps = 1e-3
    ops = []
    w.plain("input_1")
    first = make_divisible(32 * alpha)
    k = w.conv("Conv1", 3, 3, first, False)
    n = w.batch_norm("bn_Conv1", first)
    w.plain("Conv1_relu")
    ops.append(lambda x, k=k, n=n: relu6(batch_norm(conv(x, k[0][1], None, 2, same(x, 3, 2)), *n, eps)))
    channels = first
    for block_id, (filters, stride, expansion) in enumerate(BLOCKS):
        out = make_divisible(int(filters * alpha))
        prefix = "block_%d_" % block_id if block_id else "expanded_conv_"
        expand = None
        expanded = channels
        if block_id:
            expanded = expansion * channels
            expand = (w.conv(prefix + "expand", 1, channels, expanded, False), w.batch_norm(prefix + "expand_BN", expanded))
            w.plain(prefix + "expand_relu")
        if stride == 2:
            w.plain(prefix + "pad")
        dk = w.depthwise(prefix + "depthwise", expanded)
        dn = w.batch_norm(prefix + "depthwise_BN", expanded)
        w.plain(prefix + "depthwise_relu")
        pk = w.conv(prefix + "project", 1, expanded, out, False)
        pn = w.batch_norm(prefix + "project_BN", out, gamma=(0.2, 0.6) if channels == out and stride == 1 else (0.5, 1.5))
        residual = channels == out and stride == 1
        if residual:
            w.plain(prefix + "add")

        def block(x, expand=expand, dk=dk, dn=dn, pk=pk, pn=pn, stride=stride, residual=residual):
            y = x
            if expand is not None:
                y = relu6(batch_norm(conv(y, expand[0][0][1]), *expand[1], eps))
            y = relu6(batch_norm(conv(y, dk, None, stride, same(y, 3, stride), depthwise=True), *dn, eps))
            y = batch_norm(conv(y, pk[0][1]), *pn, eps)
            return x + y if residual else y

        ops.append(block)
        channels = out
    last = make_divisible(1280 * alpha) if alpha > 1.0 else 1280
    k = w.conv("Conv_1", 1, channels, last, False)
    n = w.batch_norm("Conv_1_bn", last, gamma=(0.2, 0.6))  # keeps most outputs below ReLU6's cap
    w.plain("out_relu")
    ops.append(lambda x, k=k, n=n: relu6(batch_norm(conv(x, k[0][1]), *n, eps)))

    def forward(image):
        x = image * 255.0 / 127.5 - 1.0  # preprocess_input(mode='tf')
        for op in ops:
            x = op(x)
        return x

    return forward


def write_weights_only(path, w):
    with h5py.File(path, "w") as f:
        f.attrs["layer_names"] = np.array(w.write(f))
        f.attrs["backend"] = b"tensorflow"
        f.attrs["keras_version"] = b"2.15.0"


def write_full_model(path, w, model_name):
    with h5py.File(path, "w") as f:
        config = {"class_name": "Functional", "config": {"name": model_name, "layers": [{"name": n} for n in w.layers]}}
        f.attrs["model_config"] = json.dumps(config).encode()
        f.attrs["keras_version"] = b"2.15.0"
        f.attrs["backend"] = b"tensorflow"
        group = f.create_group("model_weights")
        group.attrs["layer_names"] = np.array(w.write(group))
        group.attrs["backend"] = b"tensorflow"


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(50)
    resnet_weights = Weights(rng)
    resnet = resnet50(resnet_weights, 16)
    write_weights_only(os.path.join(OUT, "resnet50-w16-weights.h5"), resnet_weights)
    mobilenet_weights = Weights(rng)
    mobilenet = mobilenet_v2(mobilenet_weights, 0.1)
    write_full_model(os.path.join(OUT, "mobilenet-v2-a010-model.h5"), mobilenet_weights, "mobilenetv2_0.10_224")
    with h5py.File(os.path.join(OUT, "reference-cnn.h5"), "w") as f:
        for arch, forward in (("resnet50", resnet), ("mobilenet-v2", mobilenet)):
            for size in SIZES:
                image = np.round(rng.uniform(0, 1, size=(2, size, size, 3)) * 255) / 255  # 8-bit pixels
                features = forward(image)
                f.create_dataset("%s/input%d" % (arch, size), data=image.astype(np.float32))
                f.create_dataset("%s/features%d" % (arch, size), data=features.astype(np.float32))
                print(arch, size, "features", features.shape, float(np.abs(features).max()), float(features.mean()))


if __name__ == "__main__":
    main()
