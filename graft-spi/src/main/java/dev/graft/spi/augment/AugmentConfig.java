package dev.graft.spi.augment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.spi.PluginConfig;

/** Configuration of an augmenter. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface AugmentConfig extends PluginConfig {
    /**
     * Whether the augmenter leaves every image as it is and draws nothing, so that it is the same
     * as no augmenter at all. The sweep then treats it as absent: a trial with it is the trial
     * without it (one id, one result, one shared baseline), as for a spelled-out default. Only an
     * identity augmenter may say yes; the default is no.
     *
     * @return true for an augmenter that does nothing
     */
    @JsonIgnore
    default boolean noop() {
        return false;
    }
}
