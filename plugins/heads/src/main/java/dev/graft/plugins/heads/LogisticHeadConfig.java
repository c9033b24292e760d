package dev.graft.plugins.heads;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.head.HeadConfig;

/**
 * Configuration of {@code logistic}.
 *
 * @param epochs passes of Tribuo's SGD over the features
 * @param learningRate AdaGrad's initial learning rate
 * @param minibatch examples per gradient step
 * @param standardize whether features are standardised (mean 0, variance 1, fitted on the training features)
 */
public record LogisticHeadConfig(
        @JsonPropertyDescription("passes of SGD over the features") Integer epochs,
        @JsonPropertyDescription("AdaGrad initial learning rate") Double learningRate,
        @JsonPropertyDescription("examples per gradient step") Integer minibatch,
        @JsonPropertyDescription("standardise features with the training features' mean and std") Boolean standardize)
        implements HeadConfig {
    public LogisticHeadConfig {
        epochs = epochs == null ? 50 : epochs;
        if (epochs < 1) {
            throw new InvalidConfigException("epochs", "must be at least 1, got " + epochs);
        }
        learningRate = learningRate == null ? 0.1 : learningRate;
        if (!(learningRate > 0)) {
            throw new InvalidConfigException("learningRate", "must be positive, got " + learningRate);
        }
        minibatch = minibatch == null ? 1 : minibatch;
        if (minibatch < 1) {
            throw new InvalidConfigException("minibatch", "must be at least 1, got " + minibatch);
        }
        standardize = standardize == null ? Boolean.TRUE : standardize;
    }
}
