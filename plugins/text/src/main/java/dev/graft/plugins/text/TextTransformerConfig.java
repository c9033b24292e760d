package dev.graft.plugins.text;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.backbone.BackboneConfig;

/**
 * Configuration of {@code text-transformer}.
 *
 * @param dim the token vectors' size
 * @param layers encoder layers; one layer group each
 * @param heads attention heads per layer; divides {@code dim}
 * @param hidden the feed-forward block's width
 * @param dropout dropout rate on attention probabilities and before each residual
 */
public record TextTransformerConfig(
        @JsonPropertyDescription("size of the token vectors") Integer dim,
        @JsonPropertyDescription("encoder layers; each is one layer group") Integer layers,
        @JsonPropertyDescription("attention heads per layer; must divide dim") Integer heads,
        @JsonPropertyDescription("width of each layer's feed-forward block") Integer hidden,
        @JsonPropertyDescription("dropout rate on attention probabilities and before each residual") Double dropout)
        implements BackboneConfig {

    public TextTransformerConfig {
        dim = dim == null ? 64 : dim;
        if (dim < 1 || dim > 4096) {
            throw new InvalidConfigException("dim", "must be 1-4096, got " + dim);
        }
        layers = layers == null ? 2 : layers;
        if (layers < 1 || layers > 48) {
            throw new InvalidConfigException("layers", "must be 1-48, got " + layers);
        }
        heads = heads == null ? 4 : heads;
        if (heads < 1 || dim % heads != 0) {
            throw new InvalidConfigException("heads", "must be positive and divide dim (" + dim + "), got " + heads);
        }
        hidden = hidden == null ? 2 * dim : hidden;
        if (hidden < 1 || hidden > 16384) {
            throw new InvalidConfigException("hidden", "must be 1-16384, got " + hidden);
        }
        dropout = dropout == null ? 0.1 : dropout;
        if (!(dropout >= 0 && dropout < 1)) {
            throw new InvalidConfigException("dropout", "must be in [0, 1), got " + dropout);
        }
    }
}
