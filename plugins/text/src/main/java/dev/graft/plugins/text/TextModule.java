package dev.graft.plugins.text;

import dev.graft.spi.GraftModule;

/** Registers the text plugins: the WordNet glosses dataset, two text encoders, two token augmenters. */
public final class TextModule extends GraftModule {
    @Override
    protected void configure() {
        dataset(GlossesProvider.NAME).to(GlossesProvider.class);
        backbone(TextCnnFactory.NAME).to(TextCnnFactory.class);
        backbone(TextTransformerFactory.NAME).to(TextTransformerFactory.class);
        augmenter("token-dropout").toInstance(new TokenAugmenters.Dropout());
        augmenter("token-swap").toInstance(new TokenAugmenters.Swap());
        evaluationSet(TokenNoiseFactory.NAME).to(TokenNoiseFactory.class);
    }
}
