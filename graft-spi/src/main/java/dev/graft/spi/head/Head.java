package dev.graft.spi.head;

import static java.util.Objects.requireNonNull;

import ai.djl.nn.Block;
import dev.graft.spi.data.FeatureTable;

/** A head, in one of the two ways Graft can train one. */
public sealed interface Head {

    /**
     * A DJL block from backbone features to class logits, trained by the core's training loop
     * together with whichever backbone groups the freeze schedule lets train.
     *
     * @param block the head network; the core initialises it with the trial's seed
     */
    record Network(Block block) implements Head {
        public Network {
            requireNonNull(block, "block is null");
        }
    }

    /**
     * A classifier fitted on features extracted once from a backbone that stays frozen for the
     * whole trial. It cannot be paired with a schedule that trains the backbone.
     */
    non-sealed interface FeatureClassifier extends Head {

        /**
         * Fits the classifier. Called once per trial.
         *
         * @param train features and labels to fit on
         * @param validation features and labels for model selection, possibly empty
         * @param seed the trial's seed
         * @return the fitted classifier
         */
        Fitted fit(FeatureTable train, FeatureTable validation, long seed);

        /** A fitted feature classifier. */
        interface Fitted {
            /**
             * @param features the rows to classify (labels ignored)
             * @return one row of class probabilities per input row
             */
            float[][] predictProbabilities(FeatureTable features);
        }
    }
}
