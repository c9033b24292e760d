package dev.graft.plugins.text;

import dev.graft.text.TokenFormat;
import dev.graft.text.TokenInputSpec;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.pooling.Pool;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.LayerGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A convolutional text encoder (Kim 2014, "Convolutional Neural Networks for Sentence
 * Classification", with stacked blocks): token vectors, then blocks of 1-D convolution (same
 * padding) and ReLU, 2-wide max pooling between blocks, and max pooling over all positions at the
 * end, so the features are a vector of the last block's channels. Layer groups: {@code
 * embedding}, then {@code conv1}, {@code conv2}, ...
 */
public final class TextCnnFactory extends TextBackbone<TextCnnConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "text-cnn";

    /** A factory of the {@code type:} name {@link #NAME}. */
    public TextCnnFactory() {
        super(NAME, TextCnnConfig.class,
                "token vectors, then 1-D conv-ReLU blocks and max pooling over positions; one layer group per block (text)");
    }

    @Override
    Backbone create(TextCnnConfig config, TokenFormat tokens) {
        List<LayerGroup> groups = new ArrayList<>();
        groups.add(new LayerGroup("embedding", new SequentialBlock()
                .add(new TokenEmbedding(tokens.vocabulary(), config.embedding(), 0, false))
                // (batch, length, dim) -> (batch, dim, length): channels first for the convolutions
                .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().transpose(0, 2, 1)), "channels_first"))));
        int length = tokens.length();
        for (int i = 0; i < config.channels().size(); i++) {
            boolean last = i == config.channels().size() - 1;
            SequentialBlock block = new SequentialBlock()
                    .add(Conv1d.builder().setKernelShape(new Shape(config.kernelSize())).optPadding(new Shape(config.kernelSize() / 2))
                            .setFilters(config.channels().get(i)).build())
                    .add(Activation.reluBlock());
            if (last) {
                block.add(Pool.globalMaxPool1dBlock());
            } else if (length >= 2) {
                block.add(Pool.maxPool1dBlock(new Shape(2), new Shape(2)));
                length /= 2;
            }
            groups.add(new LayerGroup("conv" + (i + 1), block));
        }
        return new Backbone(groups, new TokenInputSpec(tokens.vocabulary()),
                Map.of("weights", "random initialisation", "architecture", NAME + " " + config.embedding() + " " + config.channels()));
    }
}
