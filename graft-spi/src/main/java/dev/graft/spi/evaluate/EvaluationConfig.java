package dev.graft.spi.evaluate;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.spi.PluginConfig;

/** Configuration of an evaluation set (a descriptor's {@code evaluate:} entry). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface EvaluationConfig extends PluginConfig {}
