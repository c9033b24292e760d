package dev.graft.spi.freeze;

import dev.graft.spi.PluginFactory;

/**
 * Builds a freeze schedule.
 *
 * @param <C> the factory's config type
 */
public interface FreezeScheduleFactory<C extends FreezeConfig> extends PluginFactory<C> {

    /**
     * @param config the resolved config
     * @return a new schedule
     */
    FreezeSchedule create(C config);
}
