package dev.graft.plugins.optimizers;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;

/**
 * Cosine annealing with warm restarts, SGDR (Loshchilov and Hutter 2017), as PyTorch's {@code
 * CosineAnnealingWarmRestarts} computes it at fractional epochs: within a period of {@code T_i}
 * epochs the factor falls from 1 to {@code minFactor} along half a cosine, then restarts; each
 * period is {@code multiplier} times the last.
 */
public final class CosineRestarts extends SchedulePlugin<CosineRestarts.Config> {
    /** The {@code type:} name. */
    public static final String NAME = "cosine-restarts";

    /**
     * @param period epochs of the first period (default 10)
     * @param multiplier growth of each period over the last, an integer (default 1)
     * @param minFactor the factor at the end of a period (default 0)
     */
    public record Config(
            @JsonPropertyDescription("epochs of the first period") Double period,
            @JsonPropertyDescription("each period is this many times the last (an integer >= 1)") Integer multiplier,
            @JsonPropertyDescription("the factor at the end of a period") Double minFactor) implements ScheduleChoice {
        public Config {
            period = Checks.positive("period", period, 10.0);
            multiplier = multiplier == null ? 1 : multiplier;
            if (multiplier < 1) {
                throw new InvalidConfigException("multiplier", "must be an integer >= 1, got " + multiplier);
            }
            minFactor = Checks.fraction("minFactor", minFactor, 0.0);
        }
    }

    /** Registered by the module. */
    public CosineRestarts() {
        super(NAME, Config.class, "cosine annealing with warm restarts, SGDR (Loshchilov & Hutter 2017), as torch's CosineAnnealingWarmRestarts");
    }

    @Override
    double factor(Config c, long step, long stepsPerEpoch, long totalSteps) {
        double epoch = (double) step / stepsPerEpoch;
        double t0 = c.period();
        double current;
        double length;
        if (c.multiplier() == 1) {
            current = epoch % t0;
            length = t0;
        } else {
            int m = c.multiplier();
            int n = (int) Math.floor(Math.log(epoch / t0 * (m - 1) + 1) / Math.log(m));
            current = epoch - t0 * (Math.pow(m, n) - 1) / (m - 1);
            length = t0 * Math.pow(m, n);
        }
        return c.minFactor() + (1 - c.minFactor()) * (1 + Math.cos(Math.PI * current / length)) / 2;
    }
}
