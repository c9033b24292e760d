package dev.graft.core.descriptor;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.data.DatasetConfig;
import java.util.HashSet;
import java.util.List;

/**
 * The target task and its limited-data regimes.
 *
 * <p>For each value of {@code samplesPerClass} and each seed, that many labelled examples per
 * class are drawn from the training split; {@code validationFraction} of them (at least one per
 * class when positive) are held out for validation and early stopping, the rest train. Every
 * trial is scored on the dataset's test split.
 *
 * @param data the target dataset
 * @param samplesPerClass labelled examples per class: a sweep axis
 * @param validationFraction share of the labelled examples held out for validation
 * @param testSamplesPerClass cap on test examples per class (first ones in file order), or null
 *     for the whole test split
 */
public record TargetSpec(
        @JsonPropertyDescription("the target dataset") DatasetConfig data,
        @JsonPropertyDescription("labelled examples per class; a sweep axis") List<Integer> samplesPerClass,
        @JsonPropertyDescription("share of the labelled examples held out for validation") Double validationFraction,
        @JsonPropertyDescription("cap on test examples per class; absent = whole test split") Integer testSamplesPerClass) {

    public TargetSpec {
        if (data == null) {
            throw new InvalidConfigException("data", "is required");
        }
        if (samplesPerClass == null || samplesPerClass.isEmpty()) {
            throw new InvalidConfigException("samplesPerClass", "must list at least one size");
        }
        for (int n : samplesPerClass) {
            if (n < 1) {
                throw new InvalidConfigException("samplesPerClass", "sizes must be at least 1, got " + n);
            }
        }
        if (new HashSet<>(samplesPerClass).size() != samplesPerClass.size()) {
            throw new InvalidConfigException("samplesPerClass", "lists a size twice: " + samplesPerClass);
        }
        samplesPerClass = List.copyOf(samplesPerClass);
        validationFraction = validationFraction == null ? 0.2 : validationFraction;
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new InvalidConfigException("validationFraction", "must be in [0, 1), got " + validationFraction);
        }
        if (testSamplesPerClass != null && testSamplesPerClass < 1) {
            throw new InvalidConfigException("testSamplesPerClass", "must be at least 1, got " + testSamplesPerClass);
        }
    }
}
