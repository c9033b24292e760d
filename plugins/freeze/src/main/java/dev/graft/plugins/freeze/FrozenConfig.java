package dev.graft.plugins.freeze;

import dev.graft.spi.freeze.FreezeConfig;

/** Configuration of {@code frozen}: no parameters. */
public record FrozenConfig() implements FreezeConfig {}
