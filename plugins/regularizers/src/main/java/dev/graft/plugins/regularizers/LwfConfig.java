package dev.graft.plugins.regularizers;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.regularize.RegularizerConfig;

/**
 * Configuration of {@code lwf}.
 *
 * @param weight the weight of the distillation loss (Li and Hoiem: lambda_o)
 * @param temperature the softmax temperature of both outputs (Li and Hoiem: T)
 */
public record LwfConfig(
        @JsonPropertyDescription("weight of the distillation loss (Li and Hoiem: lambda_o)") Double weight,
        @JsonPropertyDescription("softmax temperature of both outputs (Li and Hoiem: T)") Double temperature)
        implements RegularizerConfig {
    public LwfConfig {
        weight = Weights.nonNegative("weight", weight, 1.0);
        temperature = temperature == null ? 2.0 : temperature;
        if (!(temperature > 0 && temperature < Double.POSITIVE_INFINITY)) {
            throw new InvalidConfigException("temperature", "must be a positive number, got " + temperature);
        }
    }
}
