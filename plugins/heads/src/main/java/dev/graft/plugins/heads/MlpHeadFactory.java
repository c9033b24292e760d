package dev.graft.plugins.heads;

import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import dev.graft.spi.head.Head;
import dev.graft.spi.head.HeadContext;
import dev.graft.spi.head.HeadFactory;

/** Hidden dense layers with ReLU and dropout, then a linear layer to the class logits. */
public final class MlpHeadFactory implements HeadFactory<MlpHeadConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "mlp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<MlpHeadConfig> configClass() {
        return MlpHeadConfig.class;
    }

    @Override
    public String description() {
        return "dense ReLU layers with dropout, then a linear layer to the classes";
    }

    @Override
    public Head create(MlpHeadConfig config, HeadContext context) {
        SequentialBlock block = new SequentialBlock().add(Blocks.batchFlattenBlock());
        if (config.batchNorm()) {
            block.add(BatchNorm.builder().build());
        }
        for (int units : config.hidden()) {
            block.add(Linear.builder().setUnits(units).build()).add(Activation.reluBlock());
            if (config.dropout() > 0) {
                block.add(Dropout.builder().optRate(config.dropout().floatValue()).build());
            }
        }
        block.add(Linear.builder().setUnits(context.numClasses()).build());
        return new Head.Network(block);
    }
}
