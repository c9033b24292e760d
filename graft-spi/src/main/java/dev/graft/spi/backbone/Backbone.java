package dev.graft.spi.backbone;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A feature extractor: ordered layer groups from input to output, the input it expects and
 * where its weights came from. The output of the last group is the feature tensor a head
 * receives.
 *
 * <p>Blocks are returned uninitialised or initialised: the core initialises any parameter not
 * yet initialised, with the trial's seed, and leaves initialised (imported) ones alone.
 *
 * @param layerGroups stages from input to output; at least one
 * @param inputSpec expected input and normalisation
 * @param provenance where the weights came from (file, checksum, source task), as text
 * @param importedWeights weights to write into the initialised blocks, or null
 */
public record Backbone(List<LayerGroup> layerGroups, InputSpec inputSpec, Map<String, String> provenance, ImportedWeights importedWeights) {

    /**
     * A backbone whose blocks start from their initialisers.
     *
     * @param layerGroups stages from input to output
     * @param inputSpec expected input and normalisation
     * @param provenance where the weights came from
     */
    public Backbone(List<LayerGroup> layerGroups, InputSpec inputSpec, Map<String, String> provenance) {
        this(layerGroups, inputSpec, provenance, null);
    }

    public Backbone {
        layerGroups = List.copyOf(layerGroups);
        if (layerGroups.isEmpty()) {
            throw new IllegalArgumentException("a backbone needs at least one layer group");
        }
        requireNonNull(inputSpec, "inputSpec is null");
        provenance = Map.copyOf(provenance);
    }
}
