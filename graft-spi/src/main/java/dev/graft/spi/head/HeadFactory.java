package dev.graft.spi.head;

import dev.graft.spi.PluginFactory;

/**
 * Builds a head for a backbone's features.
 *
 * <p>Called once per trial, after the backbone is built, with the trial's seed set in the
 * engine.
 *
 * @param <C> the factory's config type
 */
public interface HeadFactory<C extends HeadConfig> extends PluginFactory<C> {

    /**
     * @param config the resolved config
     * @param context feature shape and number of classes
     * @return a new head
     */
    Head create(C config, HeadContext context);

    /**
     * Whether every head this factory makes is a {@link Head.FeatureClassifier}, fitted on the
     * features a frozen backbone gives once. Graft then refuses, before anything runs and at the
     * head's line in the descriptor, combinations such a head cannot train with: an augmenter
     * (its features come from the images as they are) or a regulariser (nothing trains the
     * backbone). The contract test checks the answer against what {@link #create} makes.
     *
     * @return true for a feature head; false (the default) for a network head
     */
    default boolean featureHead() {
        return false;
    }
}
