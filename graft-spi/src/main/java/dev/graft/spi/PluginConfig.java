package dev.graft.spi;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The typed configuration of one plugin implementation, as written in a descriptor.
 *
 * <p>Implementations are immutable records. Every component is a boxed type so that an absent
 * field arrives as {@code null}; the compact constructor replaces {@code null} with the
 * documented default and checks ranges, throwing {@link InvalidConfigException} naming the
 * field. A record built from an empty mapping therefore shows every default, which is what
 * {@code graft plugins} prints. Describe each component with Jackson's {@code
 * @JsonPropertyDescription}.
 *
 * <p>The resolved record (defaults filled in) is serialised into every trial's provenance and
 * into the hash that identifies a trial, so two descriptors that differ only in spelling out a
 * default produce the same trial.
 */
public interface PluginConfig {
    /**
     * Whether this choice does nothing, so that it is the same as leaving its sweep axis out: a
     * trial with it is the trial without it (one id, one result, one shared baseline), as for a
     * spelled-out default. Only an identity (an augmenter that changes no image, a regulariser
     * that adds nothing) may say yes; the default is no. Families whose axis is required ignore it.
     *
     * @return true for a choice that does nothing
     */
    @JsonIgnore
    default boolean noop() {
        return false;
    }
}
