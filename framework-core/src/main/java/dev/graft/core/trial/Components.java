package dev.graft.core.trial;

import dev.graft.core.plugin.PluginRegistry;
import dev.graft.spi.Axis;
import dev.graft.spi.PluginFamily;
import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.augment.Augmenter;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.BackboneConfig;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.spi.freeze.FreezeConfig;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.head.Head;
import dev.graft.spi.head.HeadConfig;
import dev.graft.spi.head.HeadContext;
import dev.graft.spi.head.HeadFactory;
import dev.graft.spi.regularize.Regularizer;
import dev.graft.spi.regularize.RegularizerConfig;
import dev.graft.spi.regularize.RegularizerFactory;
import dev.graft.spi.similarity.SimilarityConfig;
import dev.graft.spi.similarity.SimilarityMetric;
import dev.graft.spi.similarity.SimilarityMetricFactory;
import dev.graft.spi.train.TrainingHook;
import dev.graft.spi.train.TrainingHookFactory;
import java.util.Map;
import static java.util.Objects.requireNonNull;

/** Creates plugin objects from bound configs through the factory registered for each config class. */
public final class Components {
    private final PluginRegistry registry;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;
    /** Where the files backbone configs name are in this process (shipped copies on a Spark executor). */
    private volatile BackboneContext.Files files = BackboneContext.Files.AS_NAMED;

    /**
     * @param registry the installed plugins
     */
    public Components(PluginRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
        this.mapper = dev.graft.core.plugin.ConfigMapper.create(registry);
    }

    /**
     * @param config a backbone config
     * @param context the input
     * @return a new backbone
     */
    @SuppressWarnings("unchecked")
    public Backbone backbone(BackboneConfig config, BackboneContext context) {
        BackboneContext withResolver = new BackboneContext(context.data(), context.randomInit(), json -> {
            BackboneConfig other;
            try {
                other = mapper.readValue(json, BackboneConfig.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
                Throwable cause = e.getCause() instanceof dev.graft.spi.InvalidConfigException ? e.getCause() : e;
                throw new dev.graft.spi.GraftException("not a backbone config this installation knows: " + cause.getMessage(), e);
            }
            return backbone(other, context);
        }, files);
        return registry.<BackboneFactory<BackboneConfig>>factoryFor(PluginFamily.BACKBONE, config).create(config, withResolver);
    }

    /**
     * @param config a backbone config
     * @return the files and directories it reads, as it names them, absolute and normalised
     */
    public java.util.List<java.nio.file.Path> backboneFiles(BackboneConfig config) {
        return registry.<BackboneFactory<BackboneConfig>>factoryFor(PluginFamily.BACKBONE, config).files(config).stream()
                .map(named -> java.nio.file.Path.of(named).toAbsolutePath().normalize()).toList();
    }

    /**
     * Says where the files that backbone configs name are in this process, for every backbone built after.
     *
     * @param files where they are (a Spark executor's shipped copies)
     */
    public void locateFiles(BackboneContext.Files files) {
        this.files = requireNonNull(files, "files is null");
    }

    /**
     * @param config a head config
     * @param context features and classes
     * @return a new head
     */
    public Head head(HeadConfig config, HeadContext context) {
        return registry.<HeadFactory<HeadConfig>>factoryFor(PluginFamily.HEAD, config).create(config, context);
    }

    /**
     * @param config a freeze config
     * @return a new schedule
     */
    public FreezeSchedule freeze(FreezeConfig config) {
        return registry.<FreezeScheduleFactory<FreezeConfig>>factoryFor(PluginFamily.FREEZE, config).create(config);
    }

    /**
     * @param config an augment config, or null
     * @return a new augmenter, or null
     */
    public Augmenter augmenter(AugmentConfig config) {
        return config == null ? null
                : registry.<AugmenterFactory<AugmentConfig>>factoryFor(PluginFamily.AUGMENT, config).create(config, this::augmenter);
    }

    /**
     * @param config an augment config, or null
     * @return whether it changes images: false for null and for an augmenter that does nothing
     *     ({@link AugmentConfig#noop()}, such as {@code none})
     */
    public boolean augments(AugmentConfig config) {
        return config != null && !config.noop();
    }

    /**
     * @param family a contributed family
     * @param config a config of it
     * @return a new training hook
     */
    public TrainingHook hook(PluginFamily family, dev.graft.spi.PluginConfig config) {
        return registry.<TrainingHookFactory<dev.graft.spi.PluginConfig>>factoryFor(family, config).create(config);
    }

    /**
     * @param spec a trial spec
     * @return the training hooks of its components on contributed axes, by axis name, in axis order
     */
    public Map<String, TrainingHook> hooks(dev.graft.core.sweep.TrialSpec spec) {
        Map<String, TrainingHook> hooks = new java.util.LinkedHashMap<>();
        for (Axis axis : spec.axes()) {
            dev.graft.spi.PluginConfig config = spec.component(axis);
            if (config != null && !axis.family().builtIn()) {
                hooks.put(axis.name(), hook(axis.family(), config));
            }
        }
        return hooks;
    }

    /**
     * @param config a regulariser config, or null
     * @return a new regulariser, or null
     */
    public Regularizer regularizer(RegularizerConfig config) {
        return config == null ? null
                : registry.<RegularizerFactory<RegularizerConfig>>factoryFor(PluginFamily.REGULARIZER, config).create(config);
    }

    /**
     * @param config a metric config
     * @return a new metric
     */
    public SimilarityMetric metric(SimilarityConfig config) {
        return registry.<SimilarityMetricFactory<SimilarityConfig>>factoryFor(PluginFamily.SIMILARITY, config).create(config);
    }

    /**
     * @param family the family
     * @param config a config
     * @return the config's type name
     */
    public String name(PluginFamily family, dev.graft.spi.PluginConfig config) {
        return registry.nameOf(family, config);
    }

    /**
     * @param family the family
     * @param config a config
     * @return the plugin's type name, factory class, jar version ({@code unpackaged} when run
     *     from class directories) and, for a jar from the plugin path, its SHA-256, for provenance
     */
    public dev.graft.core.provenance.PluginProvenance describe(PluginFamily family, dev.graft.spi.PluginConfig config) {
        Object factory = registry.factoryFor(family, config);
        dev.graft.core.plugin.PluginOrigin origin = dev.graft.core.plugin.PluginOrigin.of(factory.getClass());
        return new dev.graft.core.provenance.PluginProvenance(name(family, config), factory.getClass().getName(), origin.version(),
                origin.sha256());
    }
}
