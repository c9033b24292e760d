package dev.graft.plugins.peft;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.edit.BackboneEdits;
import dev.graft.spi.edit.EditableLayer;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Adapters: small residual blocks inserted after chosen layers, starting as the identity, trained
 * while (with {@code freeze: frozen}) the backbone stays as pretrained. After a layer whose output
 * is vectors (a Transformer's attention or feed-forward output) the adapter is Houlsby et al.
 * (2019)'s bottleneck; after a convolution it is Rebuffi et al. (2017)'s residual 1×1
 * convolution.
 */
public final class Adapter extends EditingPlugin<Adapter.Config> {
    /** The {@code type:} name. */
    public static final String NAME = "adapter";

    /**
     * @param bottleneck the bottleneck adapters' inner width (default 16)
     * @param after glob patterns over layer paths: the layers to insert after (default every
     *     attention block, every layer named {@code project} and every convolution)
     */
    public record Config(
            @JsonPropertyDescription("inner width of the bottleneck adapters on vectors") Integer bottleneck,
            @JsonPropertyDescription("glob patterns over layer paths: insert after these; default '**/attention', '**/project' and every convolution")
                    List<String> after) implements PeftChoice {
        public Config {
            bottleneck = bottleneck == null ? 16 : bottleneck;
            if (bottleneck < 1 || bottleneck > 4096) {
                throw new InvalidConfigException("bottleneck", "must be in [1, 4096], got " + bottleneck);
            }
            after = after == null ? null : LayerPatterns.checked(after, List.of(), "after");
        }
    }

    /** Registered by the module. */
    public Adapter() {
        super(NAME, Config.class, "adapters after chosen layers: Houlsby bottlenecks on vectors, Rebuffi residual 1x1 convolutions on maps");
    }

    @Override
    void edit(Config config, BackboneEdits edits) {
        List<EditableLayer> layers = edits.layers();
        List<EditableLayer> chosen = config.after() != null
                ? LayerPatterns.select(config.after(), layers, java.util.EnumSet.allOf(EditableLayer.Kind.class), "after")
                : defaults(layers);
        for (EditableLayer layer : chosen) {
            Shape[] out = layer.outputShapes();
            if (out == null || out.length == 0) {
                throw new InvalidConfigException("after", layer.path() + " does not say its output shape");
            }
            long width = out[0].get(out[0].dimension() - 1);
            if (!onMaps(layer) && config.bottleneck() >= width) {
                throw new InvalidConfigException("bottleneck", config.bottleneck() + " is not narrower than " + layer.path()
                        + "'s output (" + width + " wide): a bottleneck must be");
            }
        }
        // insertions change the paths below the layer's parent: find each chosen layer again by its block
        for (EditableLayer layer : chosen) {
            EditableLayer current = edits.layers().stream().filter(l -> l.block() == layer.block()).findFirst().orElseThrow();
            edits.insertAfter(current, onMaps(layer) ? Adapters.residualConvolution() : Adapters.bottleneck(config.bottleneck()));
        }
    }

    /** Whether the layer is a convolution or its output is feature maps (batch, channels, h, w): these get the convolution adapter. */
    private static boolean onMaps(EditableLayer layer) {
        return layer.kind() == EditableLayer.Kind.CONVOLUTION || layer.outputShapes()[0].dimension() == 4;
    }

    /** Every attention block, every layer named {@code project} (a Transformer's feed-forward output) and every convolution. */
    private static List<EditableLayer> defaults(List<EditableLayer> layers) {
        List<EditableLayer> chosen = layers.stream().filter(l -> l.kind() == EditableLayer.Kind.ATTENTION || l.kind() == EditableLayer.Kind.CONVOLUTION
                || l.kind() == EditableLayer.Kind.LINEAR && l.name().equals("project")).toList();
        if (chosen.isEmpty()) {
            throw new InvalidConfigException("after", "the backbone has no attention block, 'project' layer or convolution to adapt; name layers in 'after'");
        }
        return chosen;
    }
}
