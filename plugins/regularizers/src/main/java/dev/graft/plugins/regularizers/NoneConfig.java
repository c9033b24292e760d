package dev.graft.plugins.regularizers;

import dev.graft.spi.regularize.RegularizerConfig;

/** Configuration of {@code none}: no fields. */
public record NoneConfig() implements RegularizerConfig {}
