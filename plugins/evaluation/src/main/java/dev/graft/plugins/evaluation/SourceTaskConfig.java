package dev.graft.plugins.evaluation;

import dev.graft.spi.evaluate.EvaluationConfig;

/** Configuration of {@code source-task}: no parameters. */
public record SourceTaskConfig() implements EvaluationConfig {}
