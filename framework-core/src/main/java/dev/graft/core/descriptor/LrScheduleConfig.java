package dev.graft.core.descriptor;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;

/**
 * The base learning rate over the course of training, as a factor of {@code optimizer.lr}; every
 * freeze schedule's per-group multipliers apply on top. Computed per optimisation step.
 *
 * @param type {@code constant}, {@code step}, {@code cosine} or {@code one-cycle}
 * @param warmupEpochs {@code cosine}: epochs of linear warm-up from 0 to the full rate
 * @param stepEvery {@code step}: epochs between reductions
 * @param gamma {@code step}: factor applied at each reduction
 * @param minFactor {@code cosine}: the factor the rate anneals to at the end
 * @param pctStart {@code one-cycle}: share of the steps spent rising to the full rate
 * @param divFactor {@code one-cycle}: the rate starts at lr / divFactor
 * @param finalDivFactor {@code one-cycle}: the rate ends at lr / (divFactor * finalDivFactor)
 */
public record LrScheduleConfig(
        @JsonPropertyDescription("constant, step, cosine (with warm-up) or one-cycle") Type type,
        @JsonPropertyDescription("cosine: epochs of linear warm-up") Integer warmupEpochs,
        @JsonPropertyDescription("step: epochs between reductions") Integer stepEvery,
        @JsonPropertyDescription("step: factor at each reduction") Double gamma,
        @JsonPropertyDescription("cosine: final factor") Double minFactor,
        @JsonPropertyDescription("one-cycle: share of steps rising (fastai 0.25)") Double pctStart,
        @JsonPropertyDescription("one-cycle: start at lr / divFactor (fastai 25)") Double divFactor,
        @JsonPropertyDescription("one-cycle: end at lr / (divFactor * finalDivFactor) (fastai 1e5 overall)") Double finalDivFactor) {

    /** The schedule shapes. */
    public enum Type {
        constant,
        step,
        cosine,
        @com.fasterxml.jackson.annotation.JsonProperty("one-cycle")
        oneCycle
    }

    /** A constant rate. */
    public static final LrScheduleConfig CONSTANT = new LrScheduleConfig(null, null, null, null, null, null, null, null);

    public LrScheduleConfig {
        type = type == null ? Type.constant : type;
        warmupEpochs = warmupEpochs == null ? 0 : warmupEpochs;
        if (warmupEpochs < 0) {
            throw new InvalidConfigException("warmupEpochs", "must be >= 0, got " + warmupEpochs);
        }
        stepEvery = stepEvery == null ? 10 : stepEvery;
        if (stepEvery < 1) {
            throw new InvalidConfigException("stepEvery", "must be at least 1, got " + stepEvery);
        }
        gamma = gamma == null ? 0.1 : gamma;
        if (!(gamma > 0 && gamma <= 1)) {
            throw new InvalidConfigException("gamma", "must be in (0, 1], got " + gamma);
        }
        minFactor = minFactor == null ? 0.0 : minFactor;
        if (!(minFactor >= 0 && minFactor <= 1)) {
            throw new InvalidConfigException("minFactor", "must be in [0, 1], got " + minFactor);
        }
        pctStart = pctStart == null ? 0.25 : pctStart;
        if (!(pctStart > 0 && pctStart < 1)) {
            throw new InvalidConfigException("pctStart", "must be in (0, 1), got " + pctStart);
        }
        divFactor = divFactor == null ? 25.0 : divFactor;
        if (!(divFactor >= 1)) {
            throw new InvalidConfigException("divFactor", "must be >= 1, got " + divFactor);
        }
        finalDivFactor = finalDivFactor == null ? 4000.0 : finalDivFactor;
        if (!(finalDivFactor >= 1)) {
            throw new InvalidConfigException("finalDivFactor", "must be >= 1, got " + finalDivFactor);
        }
    }

    /**
     * @param step the optimisation step about to run, from 0
     * @param stepsPerEpoch steps in one epoch
     * @param totalSteps steps in the planned training
     * @return the factor applied to the base learning rate
     */
    public double factor(long step, long stepsPerEpoch, long totalSteps) {
        return switch (type) {
            case constant -> 1.0;
            case step -> Math.pow(gamma, (double) (step / stepsPerEpoch / stepEvery));
            case cosine -> {
                long warmup = warmupEpochs * stepsPerEpoch;
                if (step < warmup) {
                    yield (step + 1.0) / warmup;
                }
                double progress = totalSteps <= warmup ? 1.0 : (double) (step - warmup) / Math.max(1, totalSteps - warmup - 1);
                yield minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, progress)));
            }
            case oneCycle -> {
                double start = 1.0 / divFactor;
                double end = start / finalDivFactor;
                long rise = Math.max(1, Math.round(pctStart * totalSteps));
                if (step < rise) {
                    yield annealCos(start, 1.0, (double) step / rise);
                }
                yield annealCos(1.0, end, (double) (step - rise) / Math.max(1, totalSteps - rise - 1));
            }
        };
    }

    private static double annealCos(double from, double to, double progress) {
        return to + (from - to) * 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, progress)));
    }
}
