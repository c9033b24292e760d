package dev.graft.harness;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.sweep.TrialKind;
import dev.graft.core.sweep.TrialSpec;
import dev.graft.core.trial.Components;
import dev.graft.spi.Axis;
import dev.graft.spi.PluginConfig;
import dev.graft.spi.PluginFactory;
import dev.graft.spi.PluginFamily;
import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.data.ExampleFormat;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.TrainingPosition;
import dev.graft.spi.head.HeadFactory;
import dev.graft.spi.regularize.RegularizerConfig;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The rules a combination test of plugins follows, in one place for Graft's own combination test
 * and for {@link CombinationTrainer}: each installed plugin of an axis as a choice (its factory's
 * {@code example()}), the combinations {@code graft validate} refuses as the exclude rules it asks
 * for (a feature head with an augmenter, a regulariser or a contributed axis's training hook), and
 * the combination whose trials must fail with a documented message (a feature head with a schedule
 * that trains the backbone).
 */
public final class Combinations {
    /** The start of the message a trial of a feature head with a schedule that trains the backbone fails with. */
    public static final String FEATURE_HEAD_WITH_TRAINING_BACKBONE =
            "a feature head is fitted on features of a frozen backbone, but this freeze schedule trains backbone groups";

    private final Plugins plugins;
    private final ExampleFormat format;
    private final Predicate<PluginFactory<?>> installed;
    private final Components components;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param plugins the plugins on the class path
     * @param format the data's format: an augmenter of another modality is no choice on it
     * @param installed which factories count as installed (the test kit's own {@code test-} plugins do not)
     */
    public Combinations(Plugins plugins, ExampleFormat format, Predicate<PluginFactory<?>> installed) {
        this.plugins = requireNonNull(plugins, "plugins is null");
        this.format = requireNonNull(format, "format is null");
        this.installed = requireNonNull(installed, "installed is null");
        this.components = new Components(plugins.registry());
    }

    /**
     * @param family a family
     * @return every installed factory of the family that can act on the data, by name
     */
    public List<PluginFactory<?>> factories(PluginFamily family) {
        List<PluginFactory<?>> factories = new ArrayList<>();
        for (PluginFactory<?> factory : plugins.registry().factories(family).values()) {
            if (installed.test(factory) && readsTheData(factory)) {
                factories.add(factory);
            }
        }
        return factories;
    }

    /**
     * @param factory a factory
     * @return whether it can act on the data (an augmenter or a backbone reads one kind of examples)
     */
    public boolean readsTheData(PluginFactory<?> factory) {
        if (factory instanceof AugmenterFactory<?> augmenter) {
            return augmenter.reads().isInstance(format);
        }
        if (factory instanceof dev.graft.spi.backbone.BackboneFactory<?> backbone) {
            return backbone.reads().isInstance(format);
        }
        return true;
    }

    /**
     * @param factory a factory
     * @return its {@code example()} with its {@code type}, as a descriptor's choice
     */
    public static Map<String, Object> choice(PluginFactory<?> factory) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", factory.name());
        config.putAll(factory.example());
        return config;
    }

    /**
     * @param axis an axis
     * @param choice a choice on it
     * @return whether the choice does something a feature head cannot take: an augmenter or a
     *     regulariser that is not a no-op, any choice of a contributed axis (a training hook)
     */
    public boolean actsOnTraining(Axis axis, Map<String, Object> choice) {
        PluginConfig bound = bind(axis.family(), choice);
        if (axis.family() == PluginFamily.AUGMENT) {
            return !((AugmentConfig) bound).noop();
        }
        if (axis.family() == PluginFamily.REGULARIZER) {
            return !((RegularizerConfig) bound).noop();
        }
        return !axis.family().builtIn();
    }

    /**
     * @param choice a head choice
     * @return whether its factory makes a feature head (fitted on fixed features by its own library)
     */
    public boolean featureHead(Map<String, Object> choice) {
        return plugins.registry().<HeadFactory<?>>factoryFor(PluginFamily.HEAD, bind(PluginFamily.HEAD, choice)).featureHead();
    }

    /**
     * The exclude rules {@code graft validate} asks for in a sweep over these choices.
     *
     * @param sweep choices by axis
     * @return one rule per feature head and choice that acts on training, as {@code {head: h, axis: c}}
     */
    public List<String> excludeRules(Map<Axis, List<Map<String, Object>>> sweep) {
        List<String> rules = new ArrayList<>();
        for (Map<String, Object> head : sweep.getOrDefault(Axis.HEAD, List.of())) {
            if (!featureHead(head)) {
                continue;
            }
            sweep.forEach((axis, choices) -> {
                for (Map<String, Object> choice : choices) {
                    if (!axis.equals(Axis.HEAD) && !axis.equals(Axis.FREEZE) && actsOnTraining(axis, choice)) {
                        rules.add("{head: " + head.get("type") + ", " + axis.name() + ": " + choice.get("type") + "}");
                    }
                }
            });
        }
        return rules;
    }

    /**
     * @param spec a trial's spec
     * @param epochs its epochs
     * @param groups its backbone's layer groups
     * @return the documented message its trial must fail with, or null when it must finish
     */
    public String expectedFailure(TrialSpec spec, int epochs, List<String> groups) {
        if (spec.kind() != TrialKind.transfer || !plugins.registry().<HeadFactory<?>>factoryFor(PluginFamily.HEAD, spec.head()).featureHead()) {
            return null;
        }
        return trainsTheBackbone(components.freeze(spec.freeze()), epochs, groups) ? FEATURE_HEAD_WITH_TRAINING_BACKBONE : null;
    }

    /**
     * @param choice a freeze schedule choice
     * @param epochs epochs of training
     * @param groups the backbone's layer groups
     * @return whether it trains a backbone group in some epoch
     */
    public boolean trainsTheBackbone(Map<String, Object> choice, int epochs, List<String> groups) {
        return trainsTheBackbone(components.freeze((dev.graft.spi.freeze.FreezeConfig) bind(PluginFamily.FREEZE, choice)), epochs, groups);
    }

    private static boolean trainsTheBackbone(FreezeSchedule schedule, int epochs, List<String> groups) {
        for (int epoch = 0; epoch < epochs; epoch++) {
            try {
                if (schedule.plan(groups, new TrainingPosition(epoch, epochs)).stream().anyMatch(s -> s.trains())) {
                    return true;
                }
            } catch (RuntimeException e) {
                return false; // a schedule that throws: its trials fail with its own error, which the check reports
            }
        }
        return false;
    }

    /**
     * @param choice a choice
     * @return it as JSON, which is YAML too (a descriptor's flow style)
     */
    public String yaml(Map<String, Object> choice) {
        try {
            return json.writeValueAsString(choice);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PluginConfig bind(PluginFamily family, Map<String, Object> choice) {
        Class<?> type = plugins.registry().factory(family, String.valueOf(choice.get("type"))).configClass();
        return (PluginConfig) plugins.mapper().convertValue(choice, type);
    }
}
