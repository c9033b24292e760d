package dev.graft.core.trial;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import dev.graft.core.descriptor.BackboneSpec;
import dev.graft.spi.backbone.BackboneConfig;
import dev.graft.spi.data.Examples;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Finds convolutions whose channel count is not a multiple of 8. PyTorch 2.7.1's oneDNN
 * convolutions (AVX2) have given non-finite gradients now and then on such layers — with 4
 * channels in 1 to 688 of 1,500 repeated training steps, with 8 in none of 3,000 — so a run that
 * trains one says so before it starts (README, "Determinism").
 */
public final class NarrowConvolutions {
    /** The AVX2 vector width in floats. */
    static final int WIDTH = 8;

    private NarrowConvolutions() {}

    /**
     * @param block a built network
     * @return the distinct output channel counts of its convolutions that are not a multiple of 8
     */
    static SortedSet<Long> channels(Block block) {
        SortedSet<Long> narrow = new TreeSet<>();
        collect(block, narrow);
        return narrow;
    }

    private static void collect(Block block, SortedSet<Long> narrow) {
        if (block instanceof Convolution) {
            for (var entry : block.getParameters()) {
                Parameter parameter = entry.getValue();
                if (parameter.getType() == Parameter.Type.WEIGHT && parameter.isInitialized()) {
                    long out = parameter.getArray().getShape().get(0);
                    if (out % WIDTH != 0) {
                        narrow.add(out);
                    }
                }
            }
        }
        for (var child : block.getChildren()) {
            collect(child.getValue(), narrow);
        }
    }

    /**
     * Builds each architecture of the sweep once with random weights (backbones that differ only
     * in pretraining or label share it) and describes its narrow convolutions.
     *
     * @param components plugin access
     * @param backbones the sweep's backbones
     * @param labels their labels, in the same order
     * @param data data of the input shape
     * @return one warning per backbone that has any
     */
    public static List<String> warnings(Components components, List<BackboneSpec> backbones, List<String> labels, Examples data) {
        List<String> warnings = new java.util.ArrayList<>();
        Map<BackboneConfig, SortedSet<Long>> byArchitecture = new HashMap<>();
        for (int b = 0; b < backbones.size(); b++) {
            SortedSet<Long> narrow = byArchitecture.computeIfAbsent(backbones.get(b).architecture(), a -> channels(components, a, data));
            if (!narrow.isEmpty()) {
                warnings.add("warning: backbone " + labels.get(b) + " has convolutions with " + narrow
                        + " channels, not multiples of " + WIDTH + ": PyTorch's oneDNN kernels have given non-finite gradients"
                        + " on such layers now and then (a trial that meets one fails with a NaN loss; see the README, Determinism)");
            }
        }
        return warnings;
    }

    /** The narrow convolutions of an architecture built with random weights; none if it cannot be built here. */
    private static SortedSet<Long> channels(Components components, BackboneConfig architecture, Examples data) {
        SortedSet<Long> narrow = new TreeSet<>();
        try (Model model = Model.newInstance("channel-check")) {
            BuiltBackbone built = BuiltBackbone.buildRandom(components, architecture, data, model.getNDManager());
            for (var group : built.backbone().layerGroups()) {
                narrow.addAll(channels(group.block()));
            }
        } catch (RuntimeException e) {
            // only advice: a backbone that cannot be built here fails in its trials with its own message
        }
        return narrow;
    }
}
