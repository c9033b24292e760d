package dev.graft.plugins.optimizers;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.spi.PluginConfig;

/** The config of an optimiser on the {@code optimizer} axis. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface OptimizerChoice extends PluginConfig {}
