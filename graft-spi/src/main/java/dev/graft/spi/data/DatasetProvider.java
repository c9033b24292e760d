package dev.graft.spi.data;

import dev.graft.spi.PluginFactory;

/**
 * Loads a labelled dataset, of any modality.
 *
 * <p>Called by the orchestrator before any trial runs; the result is shared by every trial, so a
 * provider loads each split once per run and need not cache. Missing or corrupt files are user
 * errors: throw {@link dev.graft.spi.GraftException} naming the file and what is wrong with it.
 *
 * @param <C> the provider's config type
 */
public interface DatasetProvider<C extends DatasetConfig> extends PluginFactory<C> {

    /**
     * Describes the dataset without decoding it. Called while validating a descriptor, so it
     * must be cheap and must fail (with a clear message) when the data cannot be found.
     *
     * @param config the resolved config
     * @param context where to look for files
     * @return the class names and example format
     */
    DatasetInfo describe(C config, DataContext context);

    /**
     * Loads one split with every class; the core applies {@link DatasetConfig#classes()}.
     *
     * @param config the resolved config
     * @param split the split to load
     * @param context where to look for files
     * @return the examples with labels (images: {@code dev.graft.image.LabeledImages}, pixel
     *     values scaled to [0, 1]), in the format {@link #describe} gave
     */
    Examples load(C config, Split split, DataContext context);
}
