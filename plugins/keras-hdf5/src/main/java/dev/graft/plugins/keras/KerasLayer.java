package dev.graft.plugins.keras;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import java.util.ArrayList;
import java.util.List;

/**
 * One Keras layer with weights, as an architecture expects it: its Keras name, the shapes of its
 * weights in the order Keras lists them in {@code weight_names}, and how each array goes into
 * the DJL block that stands for it.
 *
 * @param name the Keras layer name (e.g. {@code conv2_block1_1_conv})
 * @param kind the Keras layer class, for messages
 * @param shapes each weight's Keras shape, in {@code weight_names} order
 * @param loader writes the arrays (Keras layout, row-major) into the DJL block
 */
record KerasLayer(String name, String kind, List<int[]> shapes, Loader loader) {

    /** Writes a layer's arrays, in {@code weight_names} order, into its DJL block. */
    interface Loader {
        void load(List<float[]> values);
    }

    /**
     * A Conv2D: kernel (kh, kw, in, out), then bias (out) when it has one; DJL wants the kernel
     * as (out, in, kh, kw).
     */
    static KerasLayer conv(String name, Conv2d block, int kh, int kw, int in, int out, boolean bias) {
        List<int[]> shapes = new ArrayList<>(List.of(new int[] {kh, kw, in, out}));
        if (bias) {
            shapes.add(new int[] {out});
        }
        return new KerasLayer(name, "Conv2D", shapes, values -> {
            set(block, "weight", toOutInHw(values.get(0), kh, kw, in, out));
            if (bias) {
                set(block, "bias", values.get(1));
            }
        });
    }

    /**
     * A DepthwiseConv2D with depth multiplier 1 and no bias: kernel (kh, kw, channels, 1); DJL
     * wants a grouped convolution's kernel (channels, 1, kh, kw), which is the same permutation.
     */
    static KerasLayer depthwise(String name, Conv2d block, int kh, int kw, int channels) {
        return new KerasLayer(name, "DepthwiseConv2D", List.of(new int[] {kh, kw, channels, 1}),
                values -> set(block, "weight", toOutInHw(values.get(0), kh, kw, channels, 1, true)));
    }

    /** A BatchNormalization over channels: gamma, beta, moving mean, moving variance. */
    static KerasLayer batchNorm(String name, BatchNorm block, int channels) {
        int[] shape = {channels};
        return new KerasLayer(name, "BatchNormalization", List.of(shape, shape, shape, shape), values -> {
            set(block, "gamma", values.get(0));
            set(block, "beta", values.get(1));
            set(block, "runningMean", values.get(2));
            set(block, "runningVar", values.get(3));
        });
    }

    private static void set(Block block, String parameter, float[] values) {
        NDArray array = block.getParameters().get(parameter).getArray();
        // copied into the parameter's own memory, which PyTorch allocated: NDArray.set(Buffer) would
        // make the tensor point into a Java buffer (unaligned; non-finite gradients were seen on it)
        try (NDArray loaded = array.getManager().create(values, array.getShape())) {
            array.set(new NDIndex("..."), loaded);
        }
    }

    /** Keras' (kh, kw, in, out), row-major, to DJL's (out, in, kh, kw). */
    static float[] toOutInHw(float[] keras, int kh, int kw, int in, int out) {
        return toOutInHw(keras, kh, kw, in, out, false);
    }

    /**
     * @param depthwise a depthwise kernel (kh, kw, channels, 1) goes to (channels, 1, kh, kw):
     *     Keras' "in" axis becomes DJL's "out" axis
     */
    private static float[] toOutInHw(float[] keras, int kh, int kw, int in, int out, boolean depthwise) {
        float[] djl = new float[keras.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        float value = keras[((y * kw + x) * in + i) * out + o];
                        int target = depthwise ? ((i * out + o) * kh + y) * kw + x : ((o * in + i) * kh + y) * kw + x;
                        djl[target] = value;
                    }
                }
            }
        }
        return djl;
    }
}
