package dev.graft.plugins.text;

import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.backbone.BackboneFactory;
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
public final class TextTransformerFactory implements BackboneFactory<TextTransformerConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "text-transformer";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TextTransformerConfig> configClass() {
        return TextTransformerConfig.class;
    }

    @Override
    public String description() {
        return "token and position vectors, then Transformer encoder layers, mean over tokens; one layer group per layer (text)";
    }

    @Override
    public Class<TokenFormat> reads() {
        return TokenFormat.class;
    }

    @Override
    public Backbone create(TextTransformerConfig config, BackboneContext context) {
        TokenFormat tokens = context.format(TokenFormat.class);
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
