package dev.graft.spi.evaluate;

import static java.util.Objects.requireNonNull;

import dev.graft.spi.data.Examples;

/**
 * What a trial is scored on besides its target's test split, without retraining: examples of the
 * target's classes in the target's format, scored by the trial's own model, or the source task,
 * scored by the trial's backbone under the source head it was pretrained with (retention).
 */
public sealed interface EvaluationSet {

    /**
     * Examples of the target's classes, in the target's format and class order.
     *
     * @param examples the examples
     */
    record Target(Examples examples) implements EvaluationSet {
        public Target {
            requireNonNull(examples, "examples is null");
        }
    }

    /**
     * The source task's test split, classes as the backbone's {@code pretrain:} block selects
     * them: the trained backbone under the pretrained source head. Scratch trials have none.
     */
    record SourceTask() implements EvaluationSet {}
}
