package dev.graft.plugins.augment;

import dev.graft.spi.GraftException;
import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.augment.Augmenter;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.data.Batch;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Several augmenters applied in order, each drawing from the trial's random source in turn, as
 * Keras' {@code ImageDataGenerator} combines its transforms.
 */
public final class ChainFactory implements AugmenterFactory<ChainConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "chain";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ChainConfig> configClass() {
        return ChainConfig.class;
    }

    @Override
    public String description() {
        return "applies its steps (other augmenters) in order, e.g. rotation, shift and flip together as Keras' ImageDataGenerator does";
    }

    @Override
    public Augmenter create(ChainConfig config) {
        throw new GraftException("chain builds its steps through the core (create(config, resolver))");
    }

    @Override
    public Augmenter create(ChainConfig config, Function<AugmentConfig, Augmenter> resolver) {
        List<Augmenter> steps = config.steps().stream().map(resolver).toList();
        return (batch, random) -> {
            Batch current = batch;
            for (Augmenter step : steps) {
                current = step.apply(current, random);
            }
            return current;
        };
    }

    @Override
    public Map<String, Object> example() {
        return Map.of("steps", List.of(Map.of("type", ShiftFactory.NAME), Map.of("type", FlipFactory.NAME)));
    }
}
