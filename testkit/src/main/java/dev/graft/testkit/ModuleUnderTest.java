package dev.graft.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;
import dev.graft.spi.Axis;
import dev.graft.spi.ConfigJson;
import dev.graft.spi.GraftModule;
import dev.graft.spi.PluginBindings;
import dev.graft.spi.PluginConfig;
import dev.graft.spi.PluginFactory;
import dev.graft.spi.PluginFamily;
import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.augment.Augmenter;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.backbone.BackboneConfig;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.data.ExampleFormat;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.spi.data.DatasetProvider;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.head.HeadFactory;
import dev.graft.spi.regularize.RegularizerFactory;
import dev.graft.spi.similarity.SimilarityMetricFactory;
import dev.graft.spi.evaluate.EvaluationSetFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One plugin module installed the way Graft installs it (its Guice bindings read back family by
 * family), without Graft's core: what a plugin's own tests need to look its factories up, bind
 * configs from JSON and build augmenters whose configs nest others.
 */
public final class ModuleUnderTest {
    /** The built-in families' binding keys. */
    private static final Map<PluginFamily, TypeLiteral<? extends Map<String, ? extends Set<? extends PluginFactory<?>>>>> BUILT_IN = Map.of(
            PluginFamily.DATASET, new TypeLiteral<Map<String, Set<DatasetProvider<?>>>>() {},
            PluginFamily.BACKBONE, new TypeLiteral<Map<String, Set<BackboneFactory<?>>>>() {},
            PluginFamily.HEAD, new TypeLiteral<Map<String, Set<HeadFactory<?>>>>() {},
            PluginFamily.FREEZE, new TypeLiteral<Map<String, Set<FreezeScheduleFactory<?>>>>() {},
            PluginFamily.AUGMENT, new TypeLiteral<Map<String, Set<AugmenterFactory<?>>>>() {},
            PluginFamily.REGULARIZER, new TypeLiteral<Map<String, Set<RegularizerFactory<?>>>>() {},
            PluginFamily.SIMILARITY, new TypeLiteral<Map<String, Set<SimilarityMetricFactory<?>>>>() {},
            PluginFamily.EVALUATION, new TypeLiteral<Map<String, Set<EvaluationSetFactory<?>>>>() {});

    /**
     * A factory and the name it was bound under.
     *
     * @param family its family
     * @param key the binding key
     * @param factory the factory (the first, when a name is bound twice)
     * @param owners how many factories the key has
     */
    public record Bound(PluginFamily family, String key, PluginFactory<?> factory, int owners) {}

    private final GraftModule module;
    private final List<Bound> bound = new ArrayList<>();
    private final ObjectMapper mapper;
    private final List<Axis> axes;

    /**
     * @param module the plugin's module
     */
    public ModuleUnderTest(GraftModule module) {
        this.module = module;
        Injector injector = Guice.createInjector(module, binder -> {
            // empty maps and sets for what the module does not bind
            PluginBindings.declareAll(binder);
        });
        List<PluginFamily> families = new ArrayList<>(PluginFamily.BUILT_IN);
        families.addAll(injector.getInstance(Key.get(new TypeLiteral<Set<PluginFamily>>() {})));
        axes = List.copyOf(injector.getInstance(Key.get(new TypeLiteral<Set<Axis>>() {})));
        for (PluginFamily family : families) {
            Map<String, ? extends Set<? extends PluginFactory<?>>> map = family.builtIn() ? injector.getInstance(Key.get(BUILT_IN.get(family)))
                    : injector.getInstance(Key.get(new TypeLiteral<Map<String, Set<PluginFactory<?>>>>() {},
                            Names.named(PluginBindings.contributedKey(family))));
            for (Map.Entry<String, ? extends Set<? extends PluginFactory<?>>> entry : map.entrySet()) {
                bound.add(new Bound(family, entry.getKey(), entry.getValue().iterator().next(), entry.getValue().size()));
            }
        }
        // a config that nests a dataset (an evaluation set drawn from another dataset) may name the test kit's test-synthetic
        List<PluginFactory<?>> known = new ArrayList<>(bound.stream().map(Bound::factory).toList());
        if (known.stream().noneMatch(f -> f.name().equals(dev.graft.testing.TestPlugins.SyntheticProvider.NAME))) {
            known.add(new dev.graft.testing.TestPlugins.SyntheticProvider());
        }
        mapper = ConfigJson.mapper(known);
    }

    /** @return the module */
    public GraftModule module() {
        return module;
    }

    /** @return every binding, family by family */
    public List<Bound> bound() {
        return List.copyOf(bound);
    }

    /** @return the sweep axes the module declares */
    public List<Axis> axes() {
        return axes;
    }

    /** @return the canonical mapper for this module's configs */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * @param name a {@code type:} name
     * @return its factory
     */
    public PluginFactory<?> factory(String name) {
        return bound.stream().filter(b -> b.key().equals(name)).map(Bound::factory).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no plugin named " + name + " in " + module.getClass().getName()));
    }

    /**
     * @param name a {@code type:} name
     * @param fields the config's fields
     * @return the config bound from them, as a descriptor would bind it
     * @throws Exception what binding throws (an invalid field: an InvalidConfigException inside)
     */
    public PluginConfig config(String name, Map<String, Object> fields) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>(fields);
        json.put("type", name);
        return mapper.convertValue(json, factory(name).configClass());
    }

    /**
     * A backbone context whose resolver builds backbones through this module (a checkpoint
     * rebuilds its architecture that way).
     *
     * @param data the format of the examples the backbone reads
     * @param randomInit whether the trial is a from-scratch baseline
     * @return the context
     */
    public BackboneContext backboneContext(ExampleFormat data, boolean randomInit) {
        return new BackboneContext(data, randomInit, json -> {
            try {
                BackboneConfig config = mapper.readValue(json, BackboneConfig.class);
                @SuppressWarnings("unchecked")
                BackboneFactory<BackboneConfig> factory = (BackboneFactory<BackboneConfig>) factory(
                        mapper.readTree(json).path("type").asText());
                return factory.create(config, backboneContext(data, randomInit));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("not a backbone config of this module: " + json, e);
            }
        });
    }

    /**
     * @param config an augmenter config of this module
     * @return the augmenter, nested configs (a chain's steps) resolved through this module
     */
    @SuppressWarnings("unchecked")
    public Augmenter augmenter(AugmentConfig config) {
        for (Bound b : bound) {
            if (b.family().equals(PluginFamily.AUGMENT) && b.factory().configClass().equals(config.getClass())) {
                return ((AugmenterFactory<AugmentConfig>) b.factory()).create(config, this::augmenter);
            }
        }
        throw new IllegalArgumentException("no augmenter of " + config.getClass().getName() + " in this module");
    }
}
