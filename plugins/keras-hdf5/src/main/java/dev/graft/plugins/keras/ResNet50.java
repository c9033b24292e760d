package dev.graft.plugins.keras;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import dev.graft.spi.backbone.LayerGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * ResNet50 without the top (He et al. 2016), as {@code keras.applications.ResNet50} builds it
 * (Keras 2.2.5 and later names): {@code conv1_pad}/{@code conv1_conv} 7x7 stride 2,
 * {@code conv1_bn}, ReLU, {@code pool1_pad}/{@code pool1_pool} 3x3 max pooling stride 2, then
 * four stages {@code conv2} ... {@code conv5} of 3, 4, 6 and 3 bottleneck blocks. A block
 * {@code convS_blockB} is {@code _1_conv} 1x1 (stride 2 in the first block of stages 3-5),
 * {@code _2_conv} 3x3 same, {@code _3_conv} 1x1 to 4x the filters, each followed by
 * BatchNormalization ({@code _1_bn} ..., epsilon 1.001e-5); the first block of a stage has a
 * projection shortcut {@code _0_conv}/{@code _0_bn}; then add and ReLU. All convolutions have
 * biases. Layer groups: {@code conv1} (stem and pooling), {@code conv2} ... {@code conv5}.
 */
final class ResNet50 {
    static final int[] BLOCKS = {3, 4, 6, 3};
    private static final int[] FILTERS = {64, 128, 256, 512};
    private static final float EPSILON = 1.001e-5f;
    private static final float MOMENTUM = 0.99f;

    private ResNet50() {}

    /** @param filterDivisor every layer's filters divided by this (1 = the real network) */
    static KerasArchitecture.Built build(int filterDivisor) {
        KerasArchitecture.Layers layers = new KerasArchitecture.Layers();
        List<LayerGroup> groups = new ArrayList<>();
        int stem = 64 / filterDivisor;
        // ZeroPadding2D(3) then a valid 7x7 stride-2 convolution; ZeroPadding2D(1) then 3x3/2 max
        // pooling, which equals padded max pooling because its input is non-negative (after ReLU)
        SequentialBlock conv1 = new SequentialBlock()
                .add(layers.conv("conv1_conv", 7, 2, 3, 3, stem, true))
                .add(layers.batchNorm("conv1_bn", stem, EPSILON, MOMENTUM))
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
        groups.add(KerasArchitecture.group("conv1", conv1));
        int channels = stem;
        for (int stage = 0; stage < 4; stage++) {
            String stageName = "conv" + (stage + 2);
            int filters = FILTERS[stage] / filterDivisor;
            SequentialBlock blocks = new SequentialBlock();
            for (int b = 1; b <= BLOCKS[stage]; b++) {
                String name = stageName + "_block" + b;
                int stride = b == 1 && stage > 0 ? 2 : 1;
                SequentialBlock path = new SequentialBlock()
                        .add(layers.conv(name + "_1_conv", 1, stride, 0, channels, filters, true))
                        .add(layers.batchNorm(name + "_1_bn", filters, EPSILON, MOMENTUM))
                        .add(Activation.reluBlock())
                        .add(layers.conv(name + "_2_conv", 3, 1, 1, filters, filters, true))
                        .add(layers.batchNorm(name + "_2_bn", filters, EPSILON, MOMENTUM))
                        .add(Activation.reluBlock())
                        .add(layers.conv(name + "_3_conv", 1, 1, 0, filters, 4 * filters, true))
                        .add(layers.batchNorm(name + "_3_bn", 4 * filters, EPSILON, MOMENTUM));
                SequentialBlock shortcut = null;
                if (b == 1) {
                    shortcut = new SequentialBlock()
                            .add(layers.conv(name + "_0_conv", 1, stride, 0, channels, 4 * filters, true))
                            .add(layers.batchNorm(name + "_0_bn", 4 * filters, EPSILON, MOMENTUM));
                }
                blocks.add(KerasArchitecture.residual(path, shortcut)).add(Activation.reluBlock());
                channels = 4 * filters;
            }
            groups.add(KerasArchitecture.group(stageName, blocks));
        }
        return new KerasArchitecture.Built(groups, layers.all());
    }
}
