package dev.graft.core.descriptor;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;

/**
 * What counts as a decided verdict besides an interval that excludes zero.
 *
 * @param equivalence δ: a gain whose whole 95% interval lies within ±δ is "equivalent" (no
 *     difference larger than δ), a decided verdict; null for none
 */
public record DecideSpec(
        @JsonPropertyDescription("margin δ: a gain whose whole interval lies within ±δ is 'equivalent'") Double equivalence) {
    /** No equivalence margin. */
    public static final DecideSpec NONE = new DecideSpec(null);

    public DecideSpec {
        if (equivalence != null && !(equivalence > 0 && equivalence < 1)) {
            throw new InvalidConfigException("equivalence", "must be between 0 and 1 (an accuracy difference), got " + equivalence);
        }
    }
}
