package dev.graft.plugins.augment;

import dev.graft.spi.augment.AugmentConfig;

/** Configuration of {@code none}: no parameters. */
public record NoneConfig() implements AugmentConfig {}
