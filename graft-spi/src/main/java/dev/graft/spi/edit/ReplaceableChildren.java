package dev.graft.spi.edit;

import ai.djl.nn.Block;

/**
 * A backbone block whose children can be replaced, so that {@link BackboneEdits#insertAfter} can
 * insert after them. DJL's {@code SequentialBlock} and whole layer groups need nothing; a custom
 * block that keeps its children in fields (a Transformer layer) implements this to let adapters
 * in.
 */
public interface ReplaceableChildren {
    /**
     * Puts {@code replacement} where the child named {@code name} was: in the forward pass and
     * in the block's list of children, at the same position.
     *
     * @param name the child's name, as {@code getChildren()} lists it
     * @param replacement a block computing, from the same inputs, outputs of the same shapes
     * @throws IllegalArgumentException if the block does not allow replacing that child
     */
    void replaceChild(String name, Block replacement);
}
