package dev.graft.spi.backbone;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.spi.PluginConfig;

/**
 * Configuration of a backbone architecture. The descriptor may add core keys beside the
 * plugin's own (such as {@code pretrain:}); the core removes those before binding this config.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface BackboneConfig extends PluginConfig {}
