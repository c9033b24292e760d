package dev.graft.plugins.regularizers;

import dev.graft.spi.regularize.RegularizerConfig;

/** Configuration of {@code none}: no fields; the same as no regulariser. */
public record NoneConfig() implements RegularizerConfig {
    @Override
    public boolean noop() {
        return true;
    }
}
