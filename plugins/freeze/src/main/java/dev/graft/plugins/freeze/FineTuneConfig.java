package dev.graft.plugins.freeze;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.freeze.FreezeConfig;

/**
 * Configuration of {@code fine-tune}, with fastai's defaults.
 *
 * @param freezeEpochs epochs of the first phase, backbone frozen
 * @param lrMult ratio between the head's rate and the lowest group's in the second phase
 * @param pctStart share of the second phase spent rising to the peak rate
 * @param div the second phase starts at peak / div
 */
public record FineTuneConfig(
        @JsonPropertyDescription("epochs with the backbone frozen (fastai freeze_epochs)") Integer freezeEpochs,
        @JsonPropertyDescription("head rate / lowest group's rate in phase 2 (fastai lr_mult)") Double lrMult,
        @JsonPropertyDescription("share of phase 2 rising to the peak (fastai pct_start)") Double pctStart,
        @JsonPropertyDescription("phase 2 starts at peak / div (fastai div)") Double div) implements FreezeConfig {
    public FineTuneConfig {
        freezeEpochs = freezeEpochs == null ? 1 : freezeEpochs;
        if (freezeEpochs < 0) {
            throw new InvalidConfigException("freezeEpochs", "must be >= 0, got " + freezeEpochs);
        }
        lrMult = lrMult == null ? 100.0 : lrMult;
        if (!(lrMult >= 1)) {
            throw new InvalidConfigException("lrMult", "must be >= 1, got " + lrMult);
        }
        pctStart = pctStart == null ? 0.3 : pctStart;
        if (!(pctStart > 0 && pctStart < 1)) {
            throw new InvalidConfigException("pctStart", "must be in (0, 1), got " + pctStart);
        }
        div = div == null ? 5.0 : div;
        if (!(div >= 1)) {
            throw new InvalidConfigException("div", "must be >= 1, got " + div);
        }
    }
}
