package dev.graft.core.plugin;

import dev.graft.spi.PluginConfig;
import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.regularize.RegularizerConfig;
import dev.graft.spi.regularize.RegularizerFactory;
import dev.graft.spi.backbone.BackboneConfig;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.spi.data.DatasetConfig;
import dev.graft.spi.data.DatasetProvider;
import dev.graft.spi.freeze.FreezeConfig;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.head.HeadConfig;
import dev.graft.spi.head.HeadFactory;
import dev.graft.spi.similarity.SimilarityConfig;
import dev.graft.spi.similarity.SimilarityMetricFactory;

/** The SPI families: what a {@code type:} name is looked up in. */
public enum PluginFamily {
    DATASET("dataset", DatasetProvider.class, DatasetConfig.class),
    BACKBONE("backbone", BackboneFactory.class, BackboneConfig.class),
    HEAD("head", HeadFactory.class, HeadConfig.class),
    FREEZE("freeze", FreezeScheduleFactory.class, FreezeConfig.class),
    AUGMENT("augment", AugmenterFactory.class, AugmentConfig.class),
    REGULARIZER("regularizer", RegularizerFactory.class, RegularizerConfig.class),
    SIMILARITY("similarity", SimilarityMetricFactory.class, SimilarityConfig.class);

    private final String label;
    private final Class<?> factoryType;
    private final Class<? extends PluginConfig> configType;

    PluginFamily(String label, Class<?> factoryType, Class<? extends PluginConfig> configType) {
        this.label = label;
        this.factoryType = factoryType;
        this.configType = configType;
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

    /**
     * @param configType a config base interface
     * @return the family whose configs implement it
     */
    public static PluginFamily forConfigType(Class<?> configType) {
        for (PluginFamily family : values()) {
            if (family.configType.equals(configType)) {
                return family;
            }
        }
        throw new IllegalArgumentException("not a plugin config type: " + configType);
    }
}
