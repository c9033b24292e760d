package dev.graft.spi;

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
public interface PluginConfig {}
