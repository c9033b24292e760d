package dev.graft.core.descriptor;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.graft.spi.backbone.BackboneConfig;

/**
 * One choice on the backbone axis: an architecture (a backbone plugin's config) and, optionally,
 * how to pretrain it. In YAML both live in one mapping: {@code {type: convnet, channels: [16,
 * 32], pretrain: {...}}}.
 *
 * @param architecture the backbone plugin's config
 * @param pretrain the source task, or null for a backbone used as built (random init unless the
 *     plugin imports weights)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackboneSpec(BackboneConfig architecture, PretrainSpec pretrain) {

    /** The YAML keys of a backbone mapping that belong to the core, not to the plugin. */
    public static final java.util.Set<String> CORE_KEYS = java.util.Set.of("pretrain");

    public BackboneSpec {
        requireNonNull(architecture, "architecture is null");
    }

    /** @return the same architecture with random initialisation: the scratch baseline's */
    public BackboneSpec scratch() {
        return new BackboneSpec(architecture, null);
    }
}
