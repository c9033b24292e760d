package dev.graft.spi.edit;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * One block of a backbone, as a {@link BackboneEdits} lists it: every block of every layer group,
 * depth first, the group's own block first.
 *
 * @param path the layer group's name, then the names of the blocks down to this one, joined by
 *     {@code /} (e.g. {@code block2/Conv2d}, {@code layer1/attention/queryProjection}); a name is
 *     the child's name in its parent without the two-digit position DJL puts before it, unless a
 *     sibling has the same name ({@code block1/03LambdaBlock}, {@code block1/04LambdaBlock})
 * @param group the index of its layer group, from the input
 * @param kind what the block computes
 * @param weightShape the shape of its own parameter named {@code weight}, or null when it has none
 *     (a container, an activation)
 * @param outputShapes its output shapes for the batch it was initialised with
 * @param block the block itself (read it; change it only through {@link BackboneEdits})
 */
public record EditableLayer(String path, int group, Kind kind, Shape weightShape, Shape[] outputShapes, Block block) {

    /** What a block computes, as far as an edit needs to know. */
    public enum Kind {
        /** A fully connected layer: weight (out, in). */
        LINEAR,
        /** A convolution: weight (out, in / groups, kernel...). */
        CONVOLUTION,
        /** BatchNorm, LayerNorm and the like. */
        NORMALIZATION,
        /** A self-attention block (its projections are listed as LINEAR layers under it). */
        ATTENTION,
        /** An embedding table. */
        EMBEDDING,
        /** Anything else: a container, an activation, pooling, a custom block. */
        OTHER
    }

    public EditableLayer {
        requireNonNull(path, "path is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(block, "block is null");
        outputShapes = outputShapes == null ? null : outputShapes.clone();
    }

    /** @return the name of the block within its parent: the last part of the path */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public Shape[] outputShapes() {
        return outputShapes == null ? null : outputShapes.clone();
    }
}
