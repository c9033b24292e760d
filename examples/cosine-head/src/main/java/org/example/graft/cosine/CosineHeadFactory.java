package org.example.graft.cosine;

import dev.graft.spi.head.Head;
import dev.graft.spi.head.HeadContext;
import dev.graft.spi.head.HeadFactory;
import java.util.Map;

/** The head's factory. Its name is the descriptor's `type:` and its binding key: one constant for both. */
public final class CosineHeadFactory implements HeadFactory<CosineHeadConfig> {
    public static final String NAME = "cosine";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<CosineHeadConfig> configClass() {
        return CosineHeadConfig.class;
    }

    @Override
    public String description() {
        return "cosine similarity to one learned vector per class, times a temperature (Chen et al. 2019)";
    }

    /** A configuration the contract and combination tests train with: temperature has no default. */
    @Override
    public Map<String, Object> example() {
        return Map.of("temperature", 10.0);
    }

    @Override
    public Head create(CosineHeadConfig config, HeadContext context) {
        // context.featureShape(): one example's features without the batch axis; context.numClasses(): logits wanted
        return new Head.Network(new CosineBlock(context.numClasses(), config.temperature().floatValue()));
    }
}
