package dev.graft.plugins.optimizers;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;

/**
 * Linear warm-up then linear decay to zero, the schedule BERT fine-tuning uses (Devlin et al.
 * 2019), as Hugging Face's {@code get_linear_schedule_with_warmup} computes it: {@code s / w}
 * during the first {@code w} steps, then {@code (T − s) / (T − w)}.
 */
public final class WarmupLinear extends SchedulePlugin<WarmupLinear.Config> {
    /** The {@code type:} name. */
    public static final String NAME = "warmup-linear";

    /**
     * @param warmup share of all steps spent warming up (default 0.1)
     */
    public record Config(@JsonPropertyDescription("share of all training steps spent warming up") Double warmup) implements ScheduleChoice {
        public Config {
            warmup = warmup == null ? 0.1 : warmup;
            if (!(warmup >= 0 && warmup < 1)) {
                throw new InvalidConfigException("warmup", "must be in [0, 1), got " + warmup);
            }
        }
    }

    /** Registered by the module. */
    public WarmupLinear() {
        super(NAME, Config.class, "linear warm-up then linear decay to 0, as BERT fine-tuning (Devlin et al. 2019; Hugging Face get_linear_schedule_with_warmup)");
    }

    @Override
    double factor(Config c, long step, long stepsPerEpoch, long totalSteps) {
        long warmup = Math.round(c.warmup() * totalSteps);
        if (step < warmup) {
            return (double) step / Math.max(1, warmup);
        }
        return Math.max(0.0, (double) (totalSteps - step) / Math.max(1, totalSteps - warmup));
    }
}
