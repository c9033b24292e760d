package dev.graft.core.descriptor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.data.DatasetConfig;
import dev.graft.spi.head.HeadConfig;

/**
 * Pretraining of a backbone on a source task, before any trial. The backbone is trained with a
 * linear classifier on top, and its weights are cached by the hash of this spec, the
 * architecture and the source data's checksum, so every run that asks for the same pretraining
 * reuses it. One pretrained backbone serves every seed of the sweep: the seeds measure the
 * variance of transfer, not of pretraining.
 *
 * @param data the source dataset
 * @param samplesPerClass source examples per class, or null for all
 * @param validationFraction share of the source examples held out for validation
 * @param train how the source task trains
 * @param seed the pretraining seed
 * @param shuffleLabels whether the source labels are randomly permuted before training (a
 *     control: a backbone that learned no real task); null when false, so specs without it keep
 *     their cache keys and trial ids
 * @param head the source head trained on top of the backbone; null for a linear classifier (kept
 *     null so that specs without it keep their cache keys). A hidden layer between the features
 *     and the source classifier (an MLP "projector") keeps the features beneath it less
 *     specialised to the source classes, which is known to help them transfer (Wang et al.,
 *     "Revisiting the Transferability of Supervised Pretraining: an MLP Projector is All You
 *     Need", CVPR 2022). It must be a network head: a feature head cannot train the backbone.
 * @param augment augmentation of the source training images (drawn from the pretraining seed);
 *     null for none, also when written as an augmenter that does nothing (kept null so that specs
 *     without it keep their cache keys and trial ids)
 */
public record PretrainSpec(
        @JsonPropertyDescription("the source dataset") DatasetConfig data,
        @JsonPropertyDescription("source examples per class; absent = all") Integer samplesPerClass,
        @JsonPropertyDescription("share held out for validation") Double validationFraction,
        @JsonPropertyDescription("training settings for the source task") TrainConfig train,
        @JsonPropertyDescription("seed of the pretraining") Long seed,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyDescription("permute the source labels at random before training (a control backbone that learned no real task)")
        Boolean shuffleLabels,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyDescription("the source head trained on the backbone's features; absent = a linear classifier (e.g. {type: mlp, hidden: [256]} for an MLP projector)")
        HeadConfig head,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyDescription("augmentation of the source training images; absent = none")
        AugmentConfig augment) {
    public PretrainSpec {
        if (data == null) {
            throw new InvalidConfigException("data", "is required");
        }
        if (samplesPerClass != null && samplesPerClass < 2) {
            throw new InvalidConfigException("samplesPerClass", "must be at least 2, got " + samplesPerClass);
        }
        validationFraction = validationFraction == null ? 0.1 : validationFraction;
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new InvalidConfigException("validationFraction", "must be in (0, 1), got " + validationFraction);
        }
        train = train == null ? TrainConfig.DEFAULT : train;
        seed = seed == null ? 0L : seed;
        shuffleLabels = Boolean.TRUE.equals(shuffleLabels) ? Boolean.TRUE : null;
        // an augmenter that does nothing ({type: none}) is the same pretraining as none: one cache entry, one trial id
        augment = augment != null && augment.noop() ? null : augment;
    }

    /**
     * Pretraining without label shuffling.
     *
     * @param data the source dataset
     * @param samplesPerClass source examples per class, or null for all
     * @param validationFraction share of the source examples held out for validation
     * @param train how the source task trains
     * @param seed the pretraining seed
     */
    public PretrainSpec(DatasetConfig data, Integer samplesPerClass, Double validationFraction, TrainConfig train, Long seed) {
        this(data, samplesPerClass, validationFraction, train, seed, null, null, null);
    }

    /** @return whether the source labels are shuffled */
    public boolean shufflesLabels() {
        return Boolean.TRUE.equals(shuffleLabels);
    }
}
