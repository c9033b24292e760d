package dev.graft.spi;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.spi.data.DatasetProvider;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.head.HeadFactory;
import dev.graft.spi.regularize.RegularizerFactory;
import dev.graft.spi.similarity.SimilarityMetricFactory;
import dev.graft.spi.evaluate.EvaluationSetFactory;

/**
 * The name maps every family's factories are bound into. Duplicates are permitted at binding
 * time so that the registry can name both owners of a clashing name in its own message.
 */
public final class PluginBindings {
    private PluginBindings() {}

    private static <F> MapBinder<String, F> map(Binder binder, TypeLiteral<F> type) {
        return MapBinder.newMapBinder(binder, TypeLiteral.get(String.class), type).permitDuplicates();
    }

    /** @return the dataset providers' map */
    public static MapBinder<String, DatasetProvider<?>> datasets(Binder binder) {
        return map(binder, new TypeLiteral<>() {});
    }

    /** @return the backbone factories' map */
    public static MapBinder<String, BackboneFactory<?>> backbones(Binder binder) {
        return map(binder, new TypeLiteral<>() {});
    }

    /** @return the head factories' map */
    public static MapBinder<String, HeadFactory<?>> heads(Binder binder) {
        return map(binder, new TypeLiteral<>() {});
    }

    /** @return the freeze schedule factories' map */
    public static MapBinder<String, FreezeScheduleFactory<?>> freezeSchedules(Binder binder) {
        return map(binder, new TypeLiteral<>() {});
    }

    /** @return the augmenter factories' map */
    public static MapBinder<String, AugmenterFactory<?>> augmenters(Binder binder) {
        return map(binder, new TypeLiteral<>() {});
    }

    /** @return the regulariser factories' map */
    public static MapBinder<String, RegularizerFactory<?>> regularizers(Binder binder) {
        return map(binder, new TypeLiteral<>() {});
    }

    /** @return the similarity metric factories' map */
    public static MapBinder<String, SimilarityMetricFactory<?>> similarityMetrics(Binder binder) {
        return map(binder, new TypeLiteral<>() {});
    }

    /**
     * Declares every built-in family's name map and the sets of contributed families and axes, so
     * that what no module binds is empty rather than missing (Graft's core and the test kit both
     * install a module this way).
     *
     * @param binder the binder
     */
    public static void declareAll(Binder binder) {
        datasets(binder);
        backbones(binder);
        heads(binder);
        freezeSchedules(binder);
        augmenters(binder);
        regularizers(binder);
        similarityMetrics(binder);
        evaluationSets(binder);
        families(binder);
        axes(binder);
    }

    /** @return the evaluation set factories' map */
    public static MapBinder<String, EvaluationSetFactory<?>> evaluationSets(Binder binder) {
        return map(binder, new TypeLiteral<>() {});
    }

    /**
     * @param binder the binder
     * @param family a contributed family
     * @return the name map of its factories, bound under {@link #contributedKey(PluginFamily)}
     */
    public static MapBinder<String, PluginFactory<?>> contributed(Binder binder, PluginFamily family) {
        return MapBinder.newMapBinder(binder, TypeLiteral.get(String.class), new TypeLiteral<PluginFactory<?>>() {},
                Names.named(contributedKey(family))).permitDuplicates();
    }

    /**
     * @param family a contributed family
     * @return the name its factories' map is bound under
     */
    public static String contributedKey(PluginFamily family) {
        return "graft.family." + family.label();
    }

    /**
     * @param binder the binder
     * @return the set of families modules contribute
     */
    public static Multibinder<PluginFamily> families(Binder binder) {
        return Multibinder.newSetBinder(binder, PluginFamily.class);
    }

    /**
     * @param binder the binder
     * @return the set of axes modules contribute
     */
    public static Multibinder<Axis> axes(Binder binder) {
        return Multibinder.newSetBinder(binder, Axis.class);
    }
}
