package dev.graft.core.trial;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import dev.graft.spi.GraftException;
import dev.graft.spi.head.Head;
import dev.graft.spi.head.HeadConfig;
import dev.graft.spi.head.HeadContext;
import java.util.Map;

/**
 * A backbone pretrained on a source task.
 *
 * @param key the cache key: hash of architecture, pretraining spec and source data checksum
 * @param weights the backbone's parameters
 * @param sourceHead the parameters of the source head it was pretrained with
 * @param sourceHeadConfig the source head's config, or null for a linear classifier
 * @param sourceClasses the number of source classes (the source head's outputs)
 * @param sourceAccuracy validation accuracy on the source task
 * @param seconds time the pretraining took when it ran
 * @param cached whether it came from the cache
 * @param provenance source data checksum and origin, sizes, versions
 */
public record Pretrained(String key, byte[] weights, byte[] sourceHead, HeadConfig sourceHeadConfig, int sourceClasses, double sourceAccuracy,
        double seconds, boolean cached, Map<String, Object> provenance) {

    /**
     * Builds an untrained source head of the pretrained shape (load {@link #sourceHead()} into it).
     *
     * @param components the plugins
     * @param config the source head's config, or null for a linear classifier
     * @param featureShape the backbone's feature shape
     * @param classes the number of source classes
     * @param seed the seed the head is built with
     * @return the head's block
     */
    public static Block newSourceHead(Components components, HeadConfig config, Shape featureShape, int classes, long seed) {
        if (config == null) {
            return Linear.builder().setUnits(classes).build();
        }
        Head head = components.head(config, new HeadContext(featureShape, classes, seed));
        if (head instanceof Head.Network network) {
            return network.block();
        }
        throw new GraftException("pretrain.head: a source head must train with the backbone; '"
                + components.name(dev.graft.spi.PluginFamily.HEAD, config) + "' is a feature head");
    }

    /**
     * @param components the plugins
     * @param featureShape the backbone's feature shape
     * @return an untrained source head of the pretrained shape
     */
    public Block newSourceHead(Components components, Shape featureShape) {
        return newSourceHead(components, sourceHeadConfig, featureShape, sourceClasses, 0L);
    }
}
