package dev.graft.spi.head;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.spi.PluginConfig;

/** Configuration of a head. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface HeadConfig extends PluginConfig {}
