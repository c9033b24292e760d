package dev.graft.spi.augment;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.spi.PluginConfig;

/** Configuration of an augmenter. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface AugmentConfig extends PluginConfig {}
