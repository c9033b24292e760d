package dev.graft.plugins.peft;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.spi.PluginConfig;

/** The config of a method on the {@code peft} axis: one that edits the backbone before training. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface PeftChoice extends PluginConfig {}
