package dev.graft.spi.edit;

import ai.djl.nn.Block;
import java.util.List;

/**
 * What a training hook may change in a transfer trial's backbone before training, after its
 * pretrained weights are in place (Graft implements this; a plugin calls it from {@link
 * dev.graft.spi.train.TrainingHook#editBackbone}).
 *
 * <p>Blocks a plugin adds are uninitialised DJL blocks; Graft initialises them with the trial's
 * seed (a parameter with its own initialiser keeps it, others get Xavier) and trains their
 * parameters in every epoch at the head's rate, whatever the freeze schedule says of the layers
 * around them. The scratch baseline of the trial has no edit.
 */
public interface BackboneEdits {

    /** @return every block of the backbone, group by group from the input, each group depth first */
    List<EditableLayer> layers();

    /**
     * Makes every forward pass use, in place of {@code layer}'s weight, what {@code
     * reparametrisation} computes from it: the block is given the stored weight as its one input
     * and returns the weight to use, of the same shape (LoRA returns {@code W + (alpha/r) B A}).
     * The stored weight itself trains or not as the freeze schedule says.
     *
     * <p>After training Graft merges: it writes the returned weight into the layer, drops the
     * reparametrisation, checks that the merged network's outputs equal the unmerged network's
     * on the validation examples, and scores and exports the merged network.
     *
     * @param layer a layer with a weight, from {@link #layers()}
     * @param reparametrisation an uninitialised block, initialised with the weight's shape
     * @throws IllegalArgumentException if the layer has no weight or is already reparametrised
     */
    void reparametrise(EditableLayer layer, Block reparametrisation);

    /**
     * Inserts {@code block} after {@code layer}: the layer's output goes through the block, and
     * the block's output goes where the layer's went (a residual adapter returns {@code x + f(x)}).
     * The inserted block stays in the backbone after training (its bytes count as the task's).
     *
     * @param layer a layer from {@link #layers()} whose parent is a {@code SequentialBlock}, a
     *     {@link ReplaceableChildren}, or which is a whole layer group
     * @param block an uninitialised block, initialised with the layer's output shapes
     * @throws IllegalArgumentException if the layer's parent cannot take the insertion (the message
     *     names the parent's class)
     */
    void insertAfter(EditableLayer layer, Block block);
}
