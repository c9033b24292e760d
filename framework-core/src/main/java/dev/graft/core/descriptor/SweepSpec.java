package dev.graft.core.descriptor;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.PluginConfig;
import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.freeze.FreezeConfig;
import dev.graft.spi.head.HeadConfig;
import dev.graft.spi.regularize.RegularizerConfig;
import java.util.List;
import java.util.Map;

/**
 * The strategy axes. The trials are their product (times sizes and seeds), less the
 * combinations matched by {@code exclude}.
 *
 * @param backbone backbones (architecture plus optional pretraining)
 * @param head heads
 * @param freeze freeze schedules
 * @param augment augmenters; absent means no augmentation
 * @param regularizer fine-tuning regularisers of the transfer trials; absent means none. Scratch
 *     baselines never have one, so every regulariser's trials share the same baselines
 * @param exclude combinations to skip: each entry maps axis names ({@code backbone}, {@code
 *     head}, {@code freeze}, {@code augment}, {@code regularizer}, {@code samplesPerClass}) to a type name, a partial
 *     config, or a size
 */
public record SweepSpec(
        @JsonPropertyDescription("backbones: architecture plus optional pretrain block") List<BackboneSpec> backbone,
        @JsonPropertyDescription("heads") List<HeadConfig> head,
        @JsonPropertyDescription("freeze schedules") List<FreezeConfig> freeze,
        @JsonPropertyDescription("augmenters; absent = no augmentation") List<AugmentConfig> augment,
        @JsonPropertyDescription("fine-tuning regularisers of transfer trials; absent = none") List<RegularizerConfig> regularizer,
        @JsonPropertyDescription("combinations to skip") List<Map<String, Object>> exclude) {

    /** Names usable in {@code exclude}: the backbone, every strategy axis, and the data size. */
    public static final List<String> AXES = java.util.stream.Stream.concat(java.util.stream.Stream.concat(
            java.util.stream.Stream.of("backbone"), Axis.STRATEGY.stream().map(Axis::name)), java.util.stream.Stream.of("samplesPerClass"))
            .toList();

    public SweepSpec {
        backbone = required("backbone", backbone);
        head = required("head", head);
        freeze = required("freeze", freeze);
        augment = augment == null ? List.of() : List.copyOf(augment);
        regularizer = regularizer == null ? List.of() : List.copyOf(regularizer);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        for (Map<String, Object> rule : exclude) {
            for (String key : rule.keySet()) {
                if (!AXES.contains(key)) {
                    throw new InvalidConfigException("exclude", "unknown axis '" + key + "'; axes are " + AXES);
                }
            }
        }
    }

    /**
     * @param axis a strategy axis
     * @return the choices the descriptor lists for it, in order; empty for an optional axis left out
     */
    public List<? extends PluginConfig> choices(Axis axis) {
        return switch (axis.name()) {
            case "head" -> head;
            case "freeze" -> freeze;
            case "augment" -> augment;
            case "regularizer" -> regularizer;
            default -> throw new IllegalArgumentException("the descriptor has no axis " + axis.name());
        };
    }

    private static <T> List<T> required(String axis, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw new InvalidConfigException(axis, "sweep axis '" + axis + "' must list at least one choice");
        }
        return List.copyOf(values);
    }
}
