package dev.graft.plugins.backbones;

import dev.graft.image.ImageFormat;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.image.ImageInputSpec;
import dev.graft.spi.backbone.LayerGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain CNN: blocks of convolution (same padding), BatchNorm, ReLU and 2x2 max pooling; the
 * last block ends with global average pooling, so features are a vector of the last block's
 * channels for any input size, or with max pooling and flattening, so features keep the
 * positions. Each block is one layer group.
 */
public final class ConvNetFactory implements BackboneFactory<ConvNetConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "convnet";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ConvNetConfig> configClass() {
        return ConvNetConfig.class;
    }

    @Override
    public String description() {
        return "conv-BatchNorm-ReLU-maxpool blocks, global average pooling at the end; one layer group per block";
    }

    @Override
    public Class<ImageFormat> reads() {
        return ImageFormat.class;
    }

    @Override
    public Backbone create(ConvNetConfig config, BackboneContext context) {
        List<LayerGroup> groups = new ArrayList<>();
        int padding = config.kernelSize() / 2;
        ImageFormat image = context.format(ImageFormat.class);
        int size = Math.min(image.height(), image.width());
        for (int i = 0; i < config.channels().size(); i++) {
            SequentialBlock block = new SequentialBlock();
            block.add(Conv2d.builder()
                    .setKernelShape(new Shape(config.kernelSize(), config.kernelSize()))
                    .optPadding(new Shape(padding, padding))
                    .setFilters(config.channels().get(i))
                    .optBias(!config.batchNorm())
                    .build());
            if (config.batchNorm()) {
                block.add(BatchNorm.builder().build());
            }
            block.add(Activation.reluBlock());
            boolean last = i == config.channels().size() - 1;
            boolean flatten = last && config.pooling() == ConvNetConfig.Pooling.flatten;
            if (size >= 2 && (!last || flatten)) {
                block.add(Pool.maxPool2dBlock(new Shape(2, 2)));
                size /= 2;
            }
            if (flatten) {
                block.add(Blocks.batchFlattenBlock());
            } else if (last) {
                block.add(Pool.globalAvgPool2dBlock());
            }
            groups.add(new LayerGroup("block" + (i + 1), block));
        }
        ImageInputSpec input = ImageInputSpec.anySize(image.channels(), config.inputMean().floatValue(), config.inputStd().floatValue());
        return new Backbone(groups, input, Map.of("weights", "random initialisation", "architecture", NAME + " " + config.channels()));
    }
}
