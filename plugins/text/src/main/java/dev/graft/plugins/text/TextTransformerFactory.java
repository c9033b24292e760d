package dev.graft.plugins.text;

import dev.graft.text.TokenFormat;
import dev.graft.text.TokenInputSpec;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.LayerGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small Transformer encoder (Vaswani et al. 2017; BERT's layout without its pretraining): token
 * and learnt position vectors, then post-norm encoder layers whose attention ignores padding; the
 * last layer's vectors at token positions are averaged into the features. Layer groups: {@code
 * embedding}, then {@code layer1}, {@code layer2}, ...
 */
public final class TextTransformerFactory extends TextBackbone<TextTransformerConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "text-transformer";

    /** A factory of the {@code type:} name {@link #NAME}. */
    public TextTransformerFactory() {
        super(NAME, TextTransformerConfig.class,
                "token and position vectors, then Transformer encoder layers, mean over tokens; one layer group per layer (text)");
    }

    @Override
    Backbone create(TextTransformerConfig config, TokenFormat tokens) {
        List<LayerGroup> groups = new ArrayList<>();
        groups.add(new LayerGroup("embedding", new TokenEmbedding(tokens.vocabulary(), config.dim(), tokens.length(), true)));
        for (int i = 0; i < config.layers(); i++) {
            groups.add(new LayerGroup("layer" + (i + 1), new EncoderLayer(config.dim(), config.heads(), config.hidden(),
                    config.dropout().floatValue(), i == config.layers() - 1)));
        }
        return new Backbone(groups, new TokenInputSpec(tokens.vocabulary()), Map.of("weights", "random initialisation", "architecture",
                NAME + " dim " + config.dim() + ", " + config.layers() + " layers, " + config.heads() + " heads"));
    }
}
