package dev.graft.spi.similarity;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.spi.PluginConfig;

/** Configuration of a similarity metric. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface SimilarityConfig extends PluginConfig {}
