package dev.graft.spi.backbone;

import ai.djl.ndarray.NDManager;
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
     * @param manager the manager new parameter arrays attach to, for implementations that replace
     *     arrays (DJL's {@code Block.loadParameters}) rather than write into them
     * @throws dev.graft.spi.GraftException when the file does not fit the architecture
     */
    void load(List<LayerGroup> groups, NDManager manager);
}
