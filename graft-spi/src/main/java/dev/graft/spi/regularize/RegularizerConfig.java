package dev.graft.spi.regularize;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.spi.PluginConfig;

/** Configuration of a fine-tuning regulariser. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface RegularizerConfig extends PluginConfig {
    /**
     * Whether the regulariser adds nothing to the loss, so that it is the same as no regulariser.
     * The sweep then treats it as absent: a trial with it is the trial without it (one id, one
     * result), as for a spelled-out default. Only a regulariser that does nothing may say yes; the
     * default is no.
     *
     * @return true for a regulariser that does nothing
     */
    @JsonIgnore
    default boolean noop() {
        return false;
    }
}
