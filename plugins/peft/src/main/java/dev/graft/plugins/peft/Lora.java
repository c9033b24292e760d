package dev.graft.plugins.peft;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.edit.BackboneEdits;
import dev.graft.spi.edit.EditableLayer;
import java.util.List;

/**
 * LoRA (Hu et al. 2021) on the backbone's linear and convolution layers: each chosen weight {@code
 * W} is used as {@code W + (alpha / r) B A} while training, {@code A} and {@code B} train, and
 * after training the product is merged into {@code W}. Whether {@code W} itself trains is the
 * freeze schedule's to say: LoRA as its authors ran it pairs with {@code frozen}.
 */
public final class Lora extends EditingPlugin<Lora.Config> {
    /** The {@code type:} name. */
    public static final String NAME = "lora";

    /**
     * @param rank r, the rank of the update (default 8)
     * @param alpha the update's scale is alpha / r (default 8, PEFT's)
     * @param layers glob patterns over layer paths choosing the layers (default every linear and
     *     convolution layer: {@code **})
     */
    public record Config(
            @JsonPropertyDescription("rank r of the update BA") Integer rank,
            @JsonPropertyDescription("the update is scaled by alpha / rank") Double alpha,
            @JsonPropertyDescription("glob patterns over layer paths ('*' within a part, '**' across parts); default every linear and convolution layer")
                    List<String> layers) implements PeftChoice {
        public Config {
            rank = rank == null ? 8 : rank;
            if (rank < 1 || rank > 4096) {
                throw new InvalidConfigException("rank", "must be in [1, 4096], got " + rank);
            }
            alpha = alpha == null ? 8.0 : alpha;
            if (!(alpha > 0 && alpha <= 1e4)) {
                throw new InvalidConfigException("alpha", "must be in (0, 10000], got " + alpha);
            }
            layers = LayerPatterns.checked(layers, List.of("**"), "layers");
        }
    }

    /** Registered by the module. */
    public Lora() {
        super(NAME, Config.class, "LoRA (Hu et al. 2021): low-rank updates of linear and convolution weights, merged after training");
    }

    @Override
    public java.util.Map<String, Object> example() {
        return java.util.Map.of("rank", 2, "alpha", 4.0);
    }

    @Override
    void edit(Config config, BackboneEdits edits) {
        List<EditableLayer> chosen = LayerPatterns.select(config.layers(), edits.layers(),
                java.util.EnumSet.of(EditableLayer.Kind.LINEAR, EditableLayer.Kind.CONVOLUTION), "layers");
        for (EditableLayer layer : chosen) {
            long out = layer.weightShape().get(0);
            long fanIn = layer.weightShape().slice(1).size();
            if (config.rank() > Math.min(out, fanIn)) {
                throw new InvalidConfigException("rank", config.rank() + " is larger than " + layer.path() + " allows: its weight "
                        + layer.weightShape() + " has rank at most " + Math.min(out, fanIn));
            }
        }
        for (EditableLayer layer : chosen) {
            edits.reparametrise(layer, new LoraDelta(config.rank(), config.alpha()));
        }
    }
}
