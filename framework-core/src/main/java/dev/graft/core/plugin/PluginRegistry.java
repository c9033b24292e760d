package dev.graft.core.plugin;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;
import dev.graft.spi.Axis;
import dev.graft.spi.PluginBindings;
import dev.graft.spi.PluginConfig;
import dev.graft.spi.PluginFactory;
import dev.graft.spi.PluginFamily;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.spi.data.DatasetProvider;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.head.HeadFactory;
import dev.graft.spi.regularize.RegularizerFactory;
import dev.graft.spi.similarity.SimilarityMetricFactory;
import dev.graft.spi.evaluate.EvaluationSetFactory;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import static java.util.Objects.requireNonNull;

/**
 * Every registered factory, by family and name. Built once at start-up from the plugins'
 * Guice bindings; fails there on duplicate names (naming both owners) and on a factory whose
 * {@link PluginFactory#name()} differs from the key it was bound under.
 */
public final class PluginRegistry {
    private final Map<PluginFamily, SortedMap<String, PluginFactory<?>>> factories = new LinkedHashMap<>();
    private final List<Axis> axes = new ArrayList<>();
    private String loadedFrom = "Graft's class path";

    @Inject
    PluginRegistry(
            Map<String, Set<DatasetProvider<?>>> datasets,
            Map<String, Set<BackboneFactory<?>>> backbones,
            Map<String, Set<HeadFactory<?>>> heads,
            Map<String, Set<FreezeScheduleFactory<?>>> freezeSchedules,
            Map<String, Set<AugmenterFactory<?>>> augmenters,
            Map<String, Set<RegularizerFactory<?>>> regularizers,
            Map<String, Set<SimilarityMetricFactory<?>>> similarityMetrics,
            Map<String, Set<EvaluationSetFactory<?>>> evaluationSets,
            Set<PluginFamily> contributedFamilies,
            Set<Axis> contributedAxes,
            Injector injector) {
        add(PluginFamily.DATASET, datasets);
        add(PluginFamily.BACKBONE, backbones);
        add(PluginFamily.HEAD, heads);
        add(PluginFamily.FREEZE, freezeSchedules);
        add(PluginFamily.AUGMENT, augmenters);
        add(PluginFamily.REGULARIZER, regularizers);
        add(PluginFamily.SIMILARITY, similarityMetrics);
        add(PluginFamily.EVALUATION, evaluationSets);
        for (PluginFamily family : contributedFamilies.stream().sorted(Comparator.comparing(PluginFamily::label)).toList()) {
            if (factories.containsKey(family)) {
                throw new PluginRegistryException("family '" + family + "' is declared twice with different config types");
            }
            add(family, injector.getInstance(Key.get(new TypeLiteral<Map<String, Set<PluginFactory<?>>>>() {},
                    Names.named(PluginBindings.contributedKey(family)))));
        }
        axes.addAll(Axis.BUILT_IN);
        Set<String> taken = new HashSet<>(Set.of("backbone", "exclude", "samplesPerClass"));
        Axis.BUILT_IN.forEach(a -> taken.add(a.name()));
        for (Axis axis : contributedAxes.stream().sorted(Comparator.comparing(Axis::name)).toList()) {
            if (!taken.add(axis.name())) {
                throw new PluginRegistryException("sweep axis '" + axis.name() + "' is declared twice, or takes a name the descriptor uses");
            }
            if (axis.family().builtIn() || !factories.containsKey(axis.family())) {
                throw new PluginRegistryException("sweep axis '" + axis.name() + "' is over family '" + axis.family()
                        + "', which no module contributes (declare it with family(...))");
            }
            if (axis.nullWhenAbsent() || axis.required()) {
                throw new PluginRegistryException("sweep axis '" + axis.name() + "': a contributed axis is optional and left out of "
                        + "trial ids when absent, so that adding it keeps every existing id");
            }
            axes.add(axis);
        }
    }

    private void add(PluginFamily family, Map<String, ? extends Set<? extends PluginFactory<?>>> bound) {
        SortedMap<String, PluginFactory<?>> byName = new TreeMap<>();
        for (Map.Entry<String, ? extends Set<? extends PluginFactory<?>>> entry : bound.entrySet()) {
            String name = entry.getKey();
            Set<? extends PluginFactory<?>> owners = entry.getValue();
            if (owners.size() > 1) {
                throw new PluginRegistryException("duplicate " + family.label() + " name '" + name
                        + "', registered by " + owners.stream().map(PluginRegistry::owner)
                                .sorted().collect(Collectors.joining(" and ")));
            }
            PluginFactory<?> factory = owners.iterator().next();
            if (!name.equals(factory.name())) {
                throw new PluginRegistryException(owner(factory) + " is bound as " + family.label() + " '" + name
                        + "' but its name() is '" + factory.name() + "': use one constant for both");
            }
            if (!family.factoryType().isInstance(factory)) {
                throw new PluginRegistryException(owner(factory) + " is bound as " + family.label() + " '" + name
                        + "' but is not a " + family.factoryType().getSimpleName());
            }
            if (!family.configType().isAssignableFrom(factory.configClass())) {
                throw new PluginRegistryException(owner(factory) + ": config " + factory.configClass().getName()
                        + " must implement " + family.configType().getName());
            }
            byName.put(name, factory);
        }
        factories.put(family, Collections.unmodifiableSortedMap(byName));
    }

    private static String owner(PluginFactory<?> factory) {
        CodeSource source = factory.getClass().getProtectionDomain().getCodeSource();
        String where = source == null || source.getLocation() == null ? "" : " (" + source.getLocation().getPath() + ")";
        return factory.getClass().getName() + where;
    }

    /** Says where the plugins came from, for the message that a {@code type:} is unknown; set once, by {@link Plugins}. */
    void loadedFrom(String where) {
        this.loadedFrom = where;
    }

    /** @return every family, the built-in ones first, then the contributed ones by label */
    public List<PluginFamily> families() {
        return List.copyOf(factories.keySet());
    }

    /**
     * @param configType a family's config interface
     * @return the family whose configs implement it
     * @throws IllegalArgumentException if none does
     */
    public PluginFamily familyOf(Class<?> configType) {
        return factories.keySet().stream().filter(f -> f.configType().equals(configType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a plugin config type: " + configType));
    }

    /** @return the strategy axes, the built-in ones first, then the contributed ones by name */
    public List<Axis> axes() {
        return List.copyOf(axes);
    }

    /**
     * @param family a family
     * @return its factories by name, sorted
     */
    public SortedMap<String, PluginFactory<?>> factories(PluginFamily family) {
        return factories.get(family);
    }

    /**
     * @param family the family to look in
     * @param name a {@code type:} name
     * @return the factory
     * @throws UnknownPluginException listing the known names and the closest one
     */
    public PluginFactory<?> factory(PluginFamily family, String name) {
        requireNonNull(name, "name is null");
        PluginFactory<?> factory = factories.get(family).get(name);
        if (factory == null) {
            throw new UnknownPluginException(family, name, factories.get(family).keySet(), loadedFrom);
        }
        return factory;
    }

    /**
     * The factory that made a config: the one registered for its class.
     *
     * @param family the family
     * @param config a bound config
     * @param <F> the factory type
     * @return the factory
     */
    @SuppressWarnings("unchecked")
    public <F extends PluginFactory<?>> F factoryFor(PluginFamily family, PluginConfig config) {
        for (PluginFactory<?> factory : factories.get(family).values()) {
            if (factory.configClass().equals(config.getClass())) {
                return (F) factory;
            }
        }
        throw new IllegalStateException("no " + family.label() + " factory for " + config.getClass().getName());
    }

    /**
     * @param config a bound config
     * @param family its family
     * @return the {@code type:} name of the config
     */
    public String nameOf(PluginFamily family, PluginConfig config) {
        return factoryFor(family, config).name();
    }
}
