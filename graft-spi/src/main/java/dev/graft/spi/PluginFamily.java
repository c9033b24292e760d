package dev.graft.spi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.backbone.BackboneConfig;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.spi.data.DatasetConfig;
import dev.graft.spi.data.DatasetProvider;
import dev.graft.spi.evaluate.EvaluationConfig;
import dev.graft.spi.evaluate.EvaluationSetFactory;
import dev.graft.spi.freeze.FreezeConfig;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.head.HeadConfig;
import dev.graft.spi.head.HeadFactory;
import dev.graft.spi.regularize.RegularizerConfig;
import dev.graft.spi.regularize.RegularizerFactory;
import dev.graft.spi.similarity.SimilarityConfig;
import dev.graft.spi.similarity.SimilarityMetricFactory;
import dev.graft.spi.train.TrainingHookFactory;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A family of plugins: what a {@code type:} name is looked up in. The eight built-in families are
 * the constants below; a plugin module may contribute another with {@link
 * GraftModule#family(PluginFamily)}, whose factories are {@link TrainingHookFactory training
 * hooks} (what Graft's training loop can use without knowing the family), and a sweep {@link
 * Axis} over it with {@link GraftModule#axis(Axis)}.
 *
 * <p>Two families are the same when their labels are.
 */
public final class PluginFamily {
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** Datasets. */
    public static final PluginFamily DATASET = new PluginFamily("dataset", DatasetProvider.class, DatasetConfig.class);
    /** Backbone architectures and importers. */
    public static final PluginFamily BACKBONE = new PluginFamily("backbone", BackboneFactory.class, BackboneConfig.class);
    /** Heads. */
    public static final PluginFamily HEAD = new PluginFamily("head", HeadFactory.class, HeadConfig.class);
    /** Freeze schedules. */
    public static final PluginFamily FREEZE = new PluginFamily("freeze", FreezeScheduleFactory.class, FreezeConfig.class);
    /** Augmenters. */
    public static final PluginFamily AUGMENT = new PluginFamily("augment", AugmenterFactory.class, AugmentConfig.class);
    /** Fine-tuning regularisers. */
    public static final PluginFamily REGULARIZER = new PluginFamily("regularizer", RegularizerFactory.class, RegularizerConfig.class);
    /** Similarity and transferability metrics. */
    public static final PluginFamily SIMILARITY = new PluginFamily("similarity", SimilarityMetricFactory.class, SimilarityConfig.class);

    /** Evaluation sets: what trials are scored on besides the test split. */
    public static final PluginFamily EVALUATION = new PluginFamily("evaluation", EvaluationSetFactory.class, EvaluationConfig.class);

    /** The built-in families, in the order Graft lists them. */
    public static final List<PluginFamily> BUILT_IN = List.of(DATASET, BACKBONE, HEAD, FREEZE, AUGMENT, REGULARIZER, SIMILARITY, EVALUATION);

    private final String label;
    private final Class<?> factoryType;
    private final Class<? extends PluginConfig> configType;

    /**
     * A contributed family: its factories implement {@link TrainingHookFactory}.
     *
     * @param label the family's name, lower-case with dashes (as in {@code graft plugins FAMILY})
     * @param configType the interface its configs implement, annotated {@code @JsonTypeInfo(use =
     *     NAME, property = "type")} like the built-in families' config interfaces
     */
    public PluginFamily(String label, Class<? extends PluginConfig> configType) {
        this(label, TrainingHookFactory.class, configType);
    }

    private PluginFamily(String label, Class<?> factoryType, Class<? extends PluginConfig> configType) {
        this.label = requireNonNull(label, "label is null");
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("a family's label is lower-case words joined by dashes, got '" + label + "'");
        }
        this.factoryType = requireNonNull(factoryType, "factoryType is null");
        this.configType = requireNonNull(configType, "configType is null");
        JsonTypeInfo types = configType.getAnnotation(JsonTypeInfo.class);
        if (!configType.isInterface() || types == null || types.use() != JsonTypeInfo.Id.NAME || !"type".equals(types.property())) {
            throw new IllegalArgumentException(configType.getName() + ": a family's config type is an interface annotated "
                    + "@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = \"type\")");
        }
    }

    /** @return the family's name as users see it */
    public String label() {
        return label;
    }

    /** @return the factory interface of the family */
    public Class<?> factoryType() {
        return factoryType;
    }

    /** @return the config base interface of the family */
    public Class<? extends PluginConfig> configType() {
        return configType;
    }

    /** @return whether this is one of the {@link #BUILT_IN} families */
    public boolean builtIn() {
        return BUILT_IN.contains(this);
    }

    /**
     * @param configType a config base interface
     * @return the built-in family whose configs implement it
     * @throws IllegalArgumentException if none does
     */
    public static PluginFamily forConfigType(Class<?> configType) {
        for (PluginFamily family : BUILT_IN) {
            if (family.configType.equals(configType)) {
                return family;
            }
        }
        throw new IllegalArgumentException("not a built-in plugin config type: " + configType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginFamily other && other.label.equals(label);
    }

    @Override
    public int hashCode() {
        return label.hashCode();
    }

    @Override
    public String toString() {
        return label;
    }
}
