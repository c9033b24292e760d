package dev.graft.plugins.evaluation;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.data.DatasetConfig;
import dev.graft.spi.evaluate.EvaluationConfig;

/**
 * Configuration of {@code dataset}.
 *
 * @param data the dataset whose test split is the set: the target's classes, in order, and format
 */
public record DatasetSetConfig(
        @JsonPropertyDescription("a dataset with the target's classes in order (select them with classes: or relabel:); its test split is the set")
        DatasetConfig data) implements EvaluationConfig {
    public DatasetSetConfig {
        if (data == null) {
            throw new InvalidConfigException("data", "is required: the dataset whose test split is the set");
        }
    }
}
