package dev.graft.core.descriptor;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.core.stats.ErrorControl;
import dev.graft.spi.InvalidConfigException;

/**
 * How verdicts are decided beyond each strategy's interval excluding zero.
 *
 * @param equivalence δ: a gain whose whole 95% interval lies within ±δ is "equivalent" (no
 *     difference larger than δ), a decided verdict; null for none
 * @param control error control across the run's strategies: {@code none} (each strategy on its
 *     own 95% interval), {@code fwer} (family-wise) or {@code fdr} (false discovery rate)
 * @param level the error rate the control holds (default 0.05)
 */
public record DecideSpec(
        @JsonPropertyDescription("margin δ: a gain whose whole interval lies within ±δ is 'equivalent'") Double equivalence,
        @JsonPropertyDescription("error control across strategies: none, fwer (family-wise) or fdr (false discovery rate)") ErrorControl control,
        @JsonPropertyDescription("the error rate the control holds (default 0.05)") Double level) {
    /** No equivalence margin, no control across strategies. */
    public static final DecideSpec NONE = new DecideSpec(null, null, null);

    public DecideSpec {
        if (equivalence != null && !(equivalence > 0 && equivalence < 1)) {
            throw new InvalidConfigException("equivalence", "must be between 0 and 1 (an accuracy difference), got " + equivalence);
        }
        control = control == null ? ErrorControl.none : control;
        if (level != null && !(level > 0 && level < 0.5)) {
            throw new InvalidConfigException("level", "must be between 0 and 0.5 (an error rate), got " + level);
        }
        if (level != null && control == ErrorControl.none) {
            throw new InvalidConfigException("level", "is the error rate of a control across strategies: give control: fwer or fdr too");
        }
        level = level == null ? 0.05 : level;
    }
}
