package dev.graft.core.trial;

import static java.util.Objects.requireNonNull;

import dev.graft.spi.data.Examples;
import java.util.List;

/**
 * What one trial trains and is scored on, wherever it trains.
 *
 * @param pool the target's training split, classes selected (the trial draws its labelled sample from it)
 * @param test the target's test split, classes selected and capped
 * @param evaluations the evaluation sets it is scored on after the test split ({@link EvaluationSets#of})
 * @param pretrained its pretrained backbone (a transfer trial of a backbone with a {@code pretrain} block), else null
 */
public record TrialData(Examples pool, Examples test, List<EvaluationSets.Scored> evaluations, Pretrained pretrained) {
    public TrialData {
        requireNonNull(pool, "pool is null");
        requireNonNull(test, "test is null");
        evaluations = List.copyOf(evaluations);
    }

    /**
     * @param pool the target's training split
     * @param test the target's test split
     * @param pretrained the pretrained backbone, or null
     * @return the data of a trial scored on its test split only
     */
    public static TrialData of(Examples pool, Examples test, Pretrained pretrained) {
        return new TrialData(pool, test, List.of(), pretrained);
    }
}
