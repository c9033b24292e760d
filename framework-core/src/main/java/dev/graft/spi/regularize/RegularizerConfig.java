package dev.graft.spi.regularize;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.spi.PluginConfig;

/** Configuration of a fine-tuning regulariser. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface RegularizerConfig extends PluginConfig {}
