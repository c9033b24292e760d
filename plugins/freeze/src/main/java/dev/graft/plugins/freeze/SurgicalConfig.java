package dev.graft.plugins.freeze;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.freeze.FreezeConfig;

/**
 * Configuration of {@code surgical}.
 *
 * @param group the one layer group that trains: 1 is the first group after the input, -1 the last
 *     before the head (counted from the output when negative)
 * @param lrMultiplier that group's learning rate as a fraction of the head's (base) rate
 */
public record SurgicalConfig(
        @JsonPropertyDescription("the one layer group that trains: 1 = first after the input, -1 = last before the head") Integer group,
        @JsonPropertyDescription("learning rate of that group as a fraction of the head's (base) rate") Double lrMultiplier)
        implements FreezeConfig {
    public SurgicalConfig {
        if (group == null) {
            throw new InvalidConfigException("group", "is required: the one layer group that trains (1 = first, -1 = last)");
        }
        if (group == 0) {
            throw new InvalidConfigException("group", "counts from 1 (first group) or from -1 (last group), got 0");
        }
        lrMultiplier = FreezeChecks.lrMultiplier(lrMultiplier);
    }
}
