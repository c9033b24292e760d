package dev.graft.plugins.keras;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import dev.graft.spi.backbone.LayerGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Keras applications' architectures Graft can load weights into, built as DJL blocks with
 * the Keras layer names, and the preprocessing each expects.
 */
final class KerasArchitecture {
    /** The names accepted by {@code architecture:}. */
    static final List<String> NAMES = List.of("vgg16", "vgg19", "resnet50", "mobilenet-v2");

    /**
     * @param groups the layer groups, in order
     * @param layers every layer with weights, by Keras name, in build order
     */
    record Built(List<LayerGroup> groups, Map<String, KerasLayer> layers) {}

    private KerasArchitecture() {}

    static Built build(KerasH5Config config) {
        return switch (config.architecture()) {
            case "vgg16", "vgg19" -> Vgg.build(config.architecture(), 3, config.filterDivisor());
            case "resnet50" -> ResNet50.build(config.filterDivisor());
            case "mobilenet-v2" -> MobileNetV2.build(config.alpha());
            default -> throw new IllegalArgumentException(config.architecture());
        };
    }

    /** Whether the architecture expects Keras' {@code preprocess_input(mode='tf')} ([-1, 1], RGB) rather than caffe's. */
    static boolean tfPreprocessing(String architecture) {
        return architecture.equals("mobilenet-v2");
    }

    /** Collects the layers of an architecture while it is built. */
    static final class Layers {
        private final Map<String, KerasLayer> layers = new LinkedHashMap<>();

        Map<String, KerasLayer> all() {
            return layers;
        }

        /** A Keras Conv2D; same padding is symmetric here (stride 1 or odd kernels on the sizes used). */
        Conv2d conv(String name, int kernel, int stride, int padding, int in, int out, boolean bias) {
            Conv2d conv = Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                    .optPadding(new Shape(padding, padding)).setFilters(out).optBias(bias).build();
            layers.put(name, KerasLayer.conv(name, conv, kernel, kernel, in, out, bias));
            return conv;
        }

        /** A Keras DepthwiseConv2D (3x3, depth multiplier 1, no bias). */
        Conv2d depthwise(String name, int stride, int padding, int channels) {
            Conv2d conv = Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride))
                    .optPadding(new Shape(padding, padding)).setFilters(channels).optGroups(channels).optBias(false).build();
            layers.put(name, KerasLayer.depthwise(name, conv, 3, 3, channels));
            return conv;
        }

        /** A Keras BatchNormalization with its epsilon and momentum. */
        BatchNorm batchNorm(String name, int channels, float epsilon, float momentum) {
            BatchNorm bn = BatchNorm.builder().optEpsilon(epsilon).optMomentum(momentum).build();
            layers.put(name, KerasLayer.batchNorm(name, bn, channels));
            return bn;
        }
    }

    /** {@code Add()([shortcut, x])}: the residual path plus the shortcut (identity when null). */
    static Block residual(Block path, Block shortcut) {
        return new ParallelBlock(outputs -> new NDList(outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow())),
                List.of(path, shortcut == null ? Blocks.identityBlock() : shortcut));
    }

    /**
     * TensorFlow's "same" padding for a 3x3 kernel at stride 2, which Keras' {@code correct_pad}
     * reproduces: an even size gets no row/column before and one after, an odd size one on
     * each side. Applied before a convolution with no padding of its own.
     */
    static Block sameStride2Padding() {
        return new LambdaBlock(inputs -> {
            NDArray x = inputs.singletonOrThrow();
            long h = x.getShape().get(2);
            long w = x.getShape().get(3);
            // pad() takes (before, after) pairs from the last axis backwards: width, then height
            return new NDList(x.pad(new Shape(w % 2 == 0 ? 0 : 1, 1, h % 2 == 0 ? 0 : 1, 1), 0));
        }, "same_padding_stride2");
    }

    /** Keras' ReLU(6.). */
    static Block relu6() {
        return Activation.relu6Block();
    }

    /** A stage that is one layer group. */
    static LayerGroup group(String name, SequentialBlock block) {
        return new LayerGroup(name, block);
    }
}
