package dev.graft.core.descriptor;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.backbone.BackboneConfig;

/**
 * One choice on the backbone axis: an architecture (a backbone plugin's config) and, optionally,
 * how to pretrain it. In YAML both live in one mapping: {@code {type: convnet, channels: [16,
 * 32], pretrain: {...}}}.
 *
 * @param architecture the backbone plugin's config
 * @param pretrain the source task, or null for a backbone used as built (random init unless the
 *     plugin imports weights)
 * @param transferLayers how many layer groups, from the input, keep their pretrained weights; the
 *     groups above are re-initialised at random and always train, like the head (Yosinski et al.
 *     2014: with {@code frozen} this is their AnB protocol, with {@code full} AnB+). Null keeps
 *     every group.
 * @param label the backbone's name in reports and progress lines, instead of one derived from
 *     its config; read from the descriptor but left out of the canonical JSON, so it never
 *     changes a trial id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackboneSpec(
        BackboneConfig architecture,
        @JsonPropertyDescription("the source task this backbone is pretrained on") PretrainSpec pretrain,
        @JsonPropertyDescription("layer groups, from the input, that keep pretrained weights; the rest are re-initialised") Integer transferLayers,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        @JsonPropertyDescription("the backbone's name in reports (default: derived from its config)") String label) {

    public BackboneSpec {
        requireNonNull(architecture, "architecture is null");
        if (transferLayers != null) {
            if (pretrain == null) {
                throw new InvalidConfigException("transferLayers", "needs a pretrain block: there are no pretrained layers to transfer");
            }
            if (transferLayers < 0) {
                throw new InvalidConfigException("transferLayers", "must be >= 0, got " + transferLayers);
            }
        }
    }

    /**
     * @param architecture the backbone plugin's config
     * @param pretrain the source task, or null
     */
    public BackboneSpec(BackboneConfig architecture, PretrainSpec pretrain) {
        this(architecture, pretrain, null, null);
    }

    /**
     * @param architecture the backbone plugin's config
     * @param pretrain the source task, or null
     * @param transferLayers groups that keep pretrained weights, or null for all
     */
    public BackboneSpec(BackboneConfig architecture, PretrainSpec pretrain, Integer transferLayers) {
        this(architecture, pretrain, transferLayers, null);
    }

    /** @return the same architecture with random initialisation: the scratch baseline's */
    public BackboneSpec scratch() {
        return new BackboneSpec(architecture, null, null, null);
    }
}
