package dev.graft.plugins.keras;

import ai.djl.nn.SequentialBlock;
import dev.graft.spi.backbone.LayerGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * MobileNetV2 without the top (Sandler et al. 2018), as {@code keras.applications.MobileNetV2}
 * builds it: {@code Conv1} 3x3 stride 2 (TensorFlow same padding) with {@code bn_Conv1} and
 * ReLU6; seventeen inverted residual blocks ({@code expanded_conv_} for the first, which does not
 * expand, then {@code block_1_} ... {@code block_16_}: {@code expand} 1x1 with {@code expand_BN}
 * and ReLU6, {@code depthwise} 3x3 (stride 2 blocks padded as Keras' {@code correct_pad}) with
 * {@code depthwise_BN} and ReLU6, {@code project} 1x1 with {@code project_BN}, and a residual add
 * when shape allows); then {@code Conv_1} 1x1 to 1280 filters (more when alpha > 1) with
 * {@code Conv_1_bn} and ReLU6. No convolution has a bias; BatchNormalization uses epsilon 1e-3
 * and momentum 0.999. Filters scale with the width multiplier {@code alpha} rounded to
 * multiples of 8 as Keras' {@code _make_divisible} does. Layer groups, by feature-map size:
 * {@code stem} (Conv1 and block 0), {@code stage1} (blocks 1-2), {@code stage2} (3-5),
 * {@code stage3} (6-12), {@code stage4} (13-16 and Conv_1).
 */
final class MobileNetV2 {
    /** Per block: output filters (before alpha), stride, expansion. */
    private static final int[][] BLOCKS = {
        {16, 1, 1}, {24, 2, 6}, {24, 1, 6}, {32, 2, 6}, {32, 1, 6}, {32, 1, 6}, {64, 2, 6}, {64, 1, 6}, {64, 1, 6}, {64, 1, 6},
        {96, 1, 6}, {96, 1, 6}, {96, 1, 6}, {160, 2, 6}, {160, 1, 6}, {160, 1, 6}, {320, 1, 6}};
    /** The first block of each layer group after the stem's. */
    private static final int[] GROUP_STARTS = {1, 3, 6, 13};
    private static final float EPSILON = 1e-3f;
    private static final float MOMENTUM = 0.999f;

    private MobileNetV2() {}

    /** Keras' {@code _make_divisible(v, 8)}: the nearest multiple of 8, at least 8, not below 90% of v. */
    static int makeDivisible(double v) {
        int divisor = 8;
        int rounded = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
        return rounded < 0.9 * v ? rounded + divisor : rounded;
    }

    static KerasArchitecture.Built build(double alpha) {
        KerasArchitecture.Layers layers = new KerasArchitecture.Layers();
        List<LayerGroup> groups = new ArrayList<>();
        int channels = makeDivisible(32 * alpha);
        SequentialBlock current = new SequentialBlock()
                .add(KerasArchitecture.sameStride2Padding())
                .add(layers.conv("Conv1", 3, 2, 0, 3, channels, false))
                .add(layers.batchNorm("bn_Conv1", channels, EPSILON, MOMENTUM))
                .add(KerasArchitecture.relu6());
        String groupName = "stem";
        int nextGroup = 0;
        for (int id = 0; id < BLOCKS.length; id++) {
            if (nextGroup < GROUP_STARTS.length && id == GROUP_STARTS[nextGroup]) {
                groups.add(KerasArchitecture.group(groupName, current));
                current = new SequentialBlock();
                groupName = "stage" + (++nextGroup);
            }
            int filters = makeDivisible((int) (BLOCKS[id][0] * alpha));
            int stride = BLOCKS[id][1];
            int expansion = BLOCKS[id][2];
            String prefix = id == 0 ? "expanded_conv_" : "block_" + id + "_";
            SequentialBlock path = new SequentialBlock();
            int expanded = channels;
            if (id > 0) {
                expanded = expansion * channels;
                path.add(layers.conv(prefix + "expand", 1, 1, 0, channels, expanded, false))
                        .add(layers.batchNorm(prefix + "expand_BN", expanded, EPSILON, MOMENTUM))
                        .add(KerasArchitecture.relu6());
            }
            if (stride == 2) {
                path.add(KerasArchitecture.sameStride2Padding());
            }
            path.add(layers.depthwise(prefix + "depthwise", stride, stride == 2 ? 0 : 1, expanded))
                    .add(layers.batchNorm(prefix + "depthwise_BN", expanded, EPSILON, MOMENTUM))
                    .add(KerasArchitecture.relu6())
                    .add(layers.conv(prefix + "project", 1, 1, 0, expanded, filters, false))
                    .add(layers.batchNorm(prefix + "project_BN", filters, EPSILON, MOMENTUM));
            current.add(channels == filters && stride == 1 ? KerasArchitecture.residual(path, null) : path);
            channels = filters;
        }
        int last = alpha > 1.0 ? makeDivisible(1280 * alpha) : 1280;
        current.add(layers.conv("Conv_1", 1, 1, 0, channels, last, false))
                .add(layers.batchNorm("Conv_1_bn", last, EPSILON, MOMENTUM))
                .add(KerasArchitecture.relu6());
        groups.add(KerasArchitecture.group(groupName, current));
        return new KerasArchitecture.Built(groups, layers.all());
    }
}
