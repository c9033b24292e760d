package dev.graft.plugins.text;

import dev.graft.text.TokenFormat;
import dev.graft.spi.NamedPlugin;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.BackboneConfig;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.backbone.BackboneFactory;

/**
 * A backbone factory of token sequences: declares that it reads {@link TokenFormat} (so validation
 * refuses it for other data) and builds for the data's length and vocabulary.
 *
 * @param <C> the config type
 */
abstract class TextBackbone<C extends BackboneConfig> extends NamedPlugin<C> implements BackboneFactory<C> {

    TextBackbone(String name, Class<C> configClass, String description) {
        super(name, configClass, description);
    }

    @Override
    public final Class<TokenFormat> reads() {
        return TokenFormat.class;
    }

    @Override
    public final Backbone create(C config, BackboneContext context) {
        return create(config, context.format(TokenFormat.class));
    }

    /**
     * @param config the resolved config
     * @param tokens the data's sequence length and vocabulary
     * @return a new backbone
     */
    abstract Backbone create(C config, TokenFormat tokens);
}
