package dev.graft.spi.backbone;

import java.util.List;

/**
 * Weights a backbone brings from a file (Keras HDF5, a checkpoint, ...). The core calls {@link
 * #load} once the backbone's blocks are initialised (so every parameter has its shape and an
 * array), before Graft-pretrained weights, if any, are loaded over them; the implementation
 * writes its values into the parameters' arrays in place.
 */
@FunctionalInterface
public interface ImportedWeights {

    /**
     * @param groups the backbone's layer groups, initialised
     * @throws dev.graft.spi.GraftException when the file does not fit the architecture
     */
    void load(List<LayerGroup> groups);
}
