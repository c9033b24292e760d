package dev.graft.plugins.heads;

import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import dev.graft.spi.head.Head;
import dev.graft.spi.head.HeadContext;
import dev.graft.spi.head.HeadFactory;

/** A linear layer from the flattened features to the class logits (softmax regression). */
public final class LinearHeadFactory implements HeadFactory<LinearHeadConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "linear";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<LinearHeadConfig> configClass() {
        return LinearHeadConfig.class;
    }

    @Override
    public String description() {
        return "one linear layer on the flattened features (optional dropout before it)";
    }

    @Override
    public Head create(LinearHeadConfig config, HeadContext context) {
        SequentialBlock block = new SequentialBlock().add(Blocks.batchFlattenBlock());
        if (config.batchNorm()) {
            block.add(BatchNorm.builder().build());
        }
        if (config.dropout() > 0) {
            block.add(Dropout.builder().optRate(config.dropout().floatValue()).build());
        }
        block.add(Linear.builder().setUnits(context.numClasses()).build());
        return new Head.Network(block);
    }
}
