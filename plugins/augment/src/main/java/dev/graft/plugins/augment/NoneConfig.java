package dev.graft.plugins.augment;

import dev.graft.spi.augment.AugmentConfig;

/** Configuration of {@code none}: no parameters; the same as no augmenter. */
public record NoneConfig() implements AugmentConfig {
    @Override
    public boolean noop() {
        return true;
    }
}
