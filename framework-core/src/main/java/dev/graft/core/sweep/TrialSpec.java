package dev.graft.core.sweep;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.graft.core.descriptor.BackboneSpec;
import dev.graft.core.descriptor.TrainConfig;
import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.data.DatasetConfig;
import dev.graft.spi.freeze.FreezeConfig;
import dev.graft.spi.head.HeadConfig;
import dev.graft.spi.regularize.RegularizerConfig;

/**
 * Everything that determines one trial's numbers. Its canonical JSON, hashed, is the trial id,
 * so the same spec and seed always get the same id and a re-run finds its finished trials.
 *
 * @param kind transfer or scratch
 * @param backbone the backbone; a scratch trial's has no pretraining
 * @param head the head
 * @param freeze the freeze schedule; null for scratch trials, which train every layer
 * @param augment the augmenter, or null for none
 * @param samplesPerClass labelled examples per class
 * @param seed the seed of data sampling, initialisation and augmentation
 * @param targetData the target dataset
 * @param validationFraction share of labelled examples held out for validation
 * @param testSamplesPerClass cap on test examples per class, or null
 * @param train training settings
 * @param regularizer the fine-tuning regulariser, or null for none (always null for scratch);
 *     left out of the canonical JSON when null, so trials without one keep the ids they had
 *     before the axis existed
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TrialSpec(
        TrialKind kind,
        BackboneSpec backbone,
        HeadConfig head,
        FreezeConfig freeze,
        AugmentConfig augment,
        int samplesPerClass,
        long seed,
        DatasetConfig targetData,
        double validationFraction,
        Integer testSamplesPerClass,
        TrainConfig train,
        @JsonInclude(JsonInclude.Include.NON_NULL) RegularizerConfig regularizer) {

    public TrialSpec {
        requireNonNull(kind, "kind is null");
        requireNonNull(backbone, "backbone is null");
        requireNonNull(head, "head is null");
        if (kind == TrialKind.scratch && (freeze != null || backbone.pretrain() != null || regularizer != null)) {
            throw new IllegalArgumentException("a scratch trial has no freeze schedule, no pretraining and no regulariser");
        }
        if (kind == TrialKind.transfer) {
            requireNonNull(freeze, "a transfer trial needs a freeze schedule");
        }
        requireNonNull(targetData, "targetData is null");
        requireNonNull(train, "train is null");
    }

    /** @return the scratch baseline paired with this trial */
    public TrialSpec scratchBaseline() {
        return new TrialSpec(TrialKind.scratch, backbone.scratch(), head, null, augment, samplesPerClass, seed,
                targetData, validationFraction, testSamplesPerClass, train, null);
    }
}
