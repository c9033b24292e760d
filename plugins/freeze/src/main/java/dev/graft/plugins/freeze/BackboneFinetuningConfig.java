package dev.graft.plugins.freeze;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.freeze.FreezeConfig;

/**
 * Configuration of {@code backbone-finetuning}.
 *
 * @param unfreezeAt the epoch (from 0) at which the backbone starts training
 * @param initialRatio the backbone's rate at that epoch, as a fraction of the head's
 * @param growth factor applied to the backbone's rate every following epoch
 * @param trainBatchNorm whether the backbone's BatchNorm layers run in training mode once it trains
 */
public record BackboneFinetuningConfig(
        @JsonPropertyDescription("epoch (from 0) at which the backbone starts training") Integer unfreezeAt,
        @JsonPropertyDescription("backbone rate at unfreezeAt as a fraction of the head's") Double initialRatio,
        @JsonPropertyDescription("factor applied to the backbone rate every epoch after, capped at the head's rate") Double growth,
        @JsonPropertyDescription("BatchNorm of the backbone in training mode once it trains (Lightning's train_bn)") Boolean trainBatchNorm)
        implements FreezeConfig {
    public BackboneFinetuningConfig {
        unfreezeAt = unfreezeAt == null ? 10 : unfreezeAt;
        if (unfreezeAt < 0) {
            throw new InvalidConfigException("unfreezeAt", "must be >= 0, got " + unfreezeAt);
        }
        initialRatio = initialRatio == null ? 0.1 : initialRatio;
        if (!(initialRatio > 0 && initialRatio <= 1)) {
            throw new InvalidConfigException("initialRatio", "must be in (0, 1], got " + initialRatio);
        }
        growth = growth == null ? 1.5 : growth;
        if (!(growth >= 1 && growth <= 100)) {
            throw new InvalidConfigException("growth", "must be in [1, 100], got " + growth);
        }
        trainBatchNorm = trainBatchNorm == null || trainBatchNorm;
    }
}
