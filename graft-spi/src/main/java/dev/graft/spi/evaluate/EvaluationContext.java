package dev.graft.spi.evaluate;

import static java.util.Objects.requireNonNull;

import dev.graft.spi.data.DatasetConfig;
import dev.graft.spi.data.Examples;
import java.util.function.Function;

/**
 * What an evaluation set is made from.
 *
 * @param test the target's test split, classes selected and capped as the descriptor says
 * @param testSplit loads another dataset's test split (its {@code classes} select and order them,
 *     as the target's do); Graft checks the classes against the target's
 * @param seed a seed for the set's random choices, derived from the run and the set's name, so a
 *     set is the same in every run of the same descriptor
 */
public record EvaluationContext(Examples test, Function<DatasetConfig, Examples> testSplit, long seed) {
    public EvaluationContext {
        requireNonNull(test, "test is null");
        requireNonNull(testSplit, "testSplit is null");
    }
}
