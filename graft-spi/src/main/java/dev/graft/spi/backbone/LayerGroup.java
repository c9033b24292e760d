package dev.graft.spi.backbone;

import static java.util.Objects.requireNonNull;

import ai.djl.nn.Block;

/**
 * A contiguous stage of a backbone: the unit that freeze schedules freeze, unfreeze and give a
 * learning rate. The backbone's forward pass runs its groups in order, each feeding the next.
 *
 * @param name a short name shown in reports, e.g. {@code block1}
 * @param block the DJL block computing this stage
 */
public record LayerGroup(String name, Block block) {
    public LayerGroup {
        requireNonNull(name, "name is null");
        requireNonNull(block, "block is null");
    }
}
