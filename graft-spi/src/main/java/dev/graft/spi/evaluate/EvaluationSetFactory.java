package dev.graft.spi.evaluate;

import dev.graft.spi.PluginFactory;
import dev.graft.spi.data.DatasetConfig;
import dev.graft.spi.data.ExampleFormat;
import java.util.List;

/**
 * Makes an evaluation set: a deterministic transform of the target's test split (a corruption, a
 * shift), another dataset with the target's classes, or the source task. Every trial of a run is
 * scored on every set the descriptor's {@code evaluate:} names, after training, without retraining.
 *
 * @param <C> the factory's config type
 */
public interface EvaluationSetFactory<C extends EvaluationConfig> extends PluginFactory<C> {

    /**
     * @param config the resolved config
     * @param context the target's test split, a loader for other datasets, a seed
     * @return the set; the same config and context give the same set
     * @throws dev.graft.spi.GraftException if it cannot be made from this data (another modality, say)
     */
    EvaluationSet create(C config, EvaluationContext context);

    /**
     * @return the kind of examples the set's transform reads ({@link ExampleFormat} for any);
     *     {@code graft validate} refuses a set of another kind than the target's
     */
    default Class<? extends ExampleFormat> reads() {
        return ExampleFormat.class;
    }

    /**
     * @param config the resolved config
     * @return the other datasets the set is drawn from: {@code graft validate} checks that each has
     *     the target's classes, in order, and format
     */
    default List<DatasetConfig> datasets(C config) {
        return List.of();
    }

    /**
     * @param config the resolved config
     * @return whether the set is the source task ({@link EvaluationSet.SourceTask}):
     *     {@code graft validate} refuses it unless every backbone is pretrained by Graft
     */
    default boolean sourceTask(C config) {
        return false;
    }
}
