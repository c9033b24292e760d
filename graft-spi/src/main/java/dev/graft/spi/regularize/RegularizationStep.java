package dev.graft.spi.regularize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * What a regulariser sees at one optimisation step. Arrays it is given take part in the
 * gradient tape; arrays it creates should be attached to {@link #manager()}, which is closed
 * after the step.
 */
public interface RegularizationStep {

    /** @return the step's manager */
    NDManager manager();

    /**
     * @return every trainable parameter (running statistics excluded) of the backbone groups that
     *     were transferred, with the value it had when the trial started; empty unless {@link
     *     Regularizer.Need#PARAMETERS} was declared
     */
    List<Weight> transferred();

    /**
     * @return every trainable parameter of the parts that start from random values (the head, a
     *     source head being trained, groups re-initialised by {@code transferLayers}); {@link
     *     Weight#initial()} is their initial value; empty unless {@link
     *     Regularizer.Need#PARAMETERS} was declared
     */
    List<Weight> added();

    /**
     * @return the backbone's output for the batch, shape (batch, features)
     * @throws IllegalStateException if {@link Regularizer.Need#FEATURES} was not declared
     */
    NDArray features();

    /**
     * @return the source head's logits on the batch through the network being trained, shape
     *     (batch, source classes)
     * @throws IllegalStateException if {@link Regularizer.Need#SOURCE_OUTPUTS} was not declared
     */
    NDArray sourceLogits();

    /**
     * @return the source head's logits on the same (augmented) batch through the pretrained
     *     network as it was before the trial, a constant of shape (batch, source classes)
     * @throws IllegalStateException if {@link Regularizer.Need#SOURCE_OUTPUTS} was not declared
     */
    NDArray pretrainedSourceLogits();

    /**
     * One parameter array.
     *
     * @param group the layer group's name, or {@code head} / {@code source-head}
     * @param name the parameter's name within its block
     * @param value the current value, in the gradient tape when it trains
     * @param initial its value when the trial started, a constant
     * @param trains whether it trains at this step
     */
    record Weight(String group, String name, NDArray value, NDArray initial, boolean trains) {}
}
