package dev.graft.plugins.optimizers;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.spi.PluginConfig;

/** The config of a learning-rate schedule on the {@code schedule} axis. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface ScheduleChoice extends PluginConfig {}
