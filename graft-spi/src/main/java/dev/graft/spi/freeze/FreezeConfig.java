package dev.graft.spi.freeze;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.spi.PluginConfig;

/** Configuration of a freeze schedule. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface FreezeConfig extends PluginConfig {}
