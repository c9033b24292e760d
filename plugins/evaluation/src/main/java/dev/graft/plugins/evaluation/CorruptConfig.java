package dev.graft.plugins.evaluation;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.evaluate.EvaluationConfig;

/**
 * Configuration of {@code corrupt}.
 *
 * @param corruption the corruption's name ({@link Corruption#label()})
 * @param severity 1 (mild) to 5 (severe)
 */
public record CorruptConfig(
        @JsonPropertyDescription("gaussian-noise, shot-noise, impulse-noise, blur, rotate, scale, translate, shear, brightness, contrast or stripe")
        String corruption,
        @JsonPropertyDescription("1 (mild) to 5 (severe); docs/plugins.md gives each corruption's parameter per severity") Integer severity)
        implements EvaluationConfig {
    public CorruptConfig {
        if (corruption == null) {
            throw new InvalidConfigException("corruption", "is required: one of " + String.join(", ",
                    java.util.Arrays.stream(Corruption.values()).map(Corruption::label).toList()));
        }
        Corruption.of(corruption);
        if (severity == null) {
            throw new InvalidConfigException("severity", "is required: 1 (mild) to 5 (severe)");
        }
        if (severity < 1 || severity > 5) {
            throw new InvalidConfigException("severity", "must be 1 to 5, got " + severity);
        }
    }
}
