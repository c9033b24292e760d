package dev.graft.spi.freeze;

import static java.util.Objects.requireNonNull;

/**
 * One parameter of a backbone, as a freeze schedule that chooses parameters sees it
 * ({@link FreezeSchedule#parameters}).
 *
 * @param group the name of the layer group it belongs to
 * @param groupIndex that group's position, 0 = nearest the input
 * @param name its name within the group, unique there (the path of blocks to it, as DJL names
 *     nested parameters, e.g. {@code 01Conv2d_weight})
 * @param kind what it is
 * @param size how many numbers it holds
 */
public record BackboneParameter(String group, int groupIndex, String name, Kind kind, long size) {
    /** What a parameter is, whatever its block calls it. */
    public enum Kind {
        /** a layer's weight: a linear map's matrix, a convolution's kernel, an embedding table */
        WEIGHT,
        /** a layer's additive bias */
        BIAS,
        /** a normalisation layer's scale (BatchNorm's or LayerNorm's gamma) */
        NORM_SCALE,
        /** a normalisation layer's shift (BatchNorm's or LayerNorm's beta) */
        NORM_SHIFT,
        /** a running mean or variance: statistics, never trained by gradients */
        RUNNING_STATISTIC,
        /** anything else */
        OTHER
    }

    public BackboneParameter {
        requireNonNull(group, "group is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        if (groupIndex < 0 || size < 0) {
            throw new IllegalArgumentException("bad parameter " + group + "/" + name + ": group index " + groupIndex + ", size " + size);
        }
    }
}
