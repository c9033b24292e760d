package dev.graft.plugins.keras;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import dev.graft.spi.backbone.LayerGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * VGG16/VGG19 without the top (Simonyan and Zisserman 2015; Keras applications layout): five
 * stages of 3x3 same-padded convolutions with ReLU, each ending in 2x2 max pooling; one layer
 * group per stage ({@code block1} ... {@code block5}). The output is block5_pool's feature map.
 */
final class Vgg {
    /** Convolutions per stage. */
    static final Map<String, int[]> CONVS_PER_STAGE = Map.of("vgg16", new int[] {2, 2, 3, 3, 3}, "vgg19", new int[] {2, 2, 4, 4, 4});
    private static final int[] FILTERS = {64, 128, 256, 512, 512};

    private Vgg() {}

    static KerasArchitecture.Built build(String architecture, int inputChannels, int filterDivisor) {
        int[] convs = CONVS_PER_STAGE.get(architecture);
        KerasArchitecture.Layers layers = new KerasArchitecture.Layers();
        List<LayerGroup> groups = new ArrayList<>();
        int channels = inputChannels;
        for (int stage = 0; stage < 5; stage++) {
            SequentialBlock block = new SequentialBlock();
            int filters = FILTERS[stage] / filterDivisor;
            for (int i = 1; i <= convs[stage]; i++) {
                block.add(layers.conv("block" + (stage + 1) + "_conv" + i, 3, 1, 1, channels, filters, true)).add(Activation.reluBlock());
                channels = filters;
            }
            block.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            groups.add(KerasArchitecture.group("block" + (stage + 1), block));
        }
        return new KerasArchitecture.Built(groups, layers.all());
    }
}
