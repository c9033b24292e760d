package dev.graft.spi;

import com.google.inject.AbstractModule;
import com.google.inject.binder.LinkedBindingBuilder;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.spi.data.DatasetProvider;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.head.HeadFactory;
import dev.graft.spi.regularize.RegularizerFactory;
import dev.graft.spi.similarity.SimilarityMetricFactory;
import dev.graft.spi.evaluate.EvaluationSetFactory;

/**
 * The one entry point of a plugin jar. Subclasses list themselves in {@code
 * META-INF/services/dev.graft.spi.GraftModule} and, in {@link #configure()}, only declare
 * bindings:
 *
 * <pre>{@code
 * public final class HeadsModule extends GraftModule {
 *     protected void configure() {
 *         head(LinearHeadFactory.NAME).to(LinearHeadFactory.class);
 *     }
 * }
 * }</pre>
 *
 * No I/O and no conditionals on configuration here: the name map does the choosing.
 */
public abstract class GraftModule extends AbstractModule {

    /** @return a binding for the dataset provider named {@code name} */
    protected final LinkedBindingBuilder<DatasetProvider<?>> dataset(String name) {
        return PluginBindings.datasets(binder()).addBinding(name);
    }

    /** @return a binding for the backbone factory named {@code name} */
    protected final LinkedBindingBuilder<BackboneFactory<?>> backbone(String name) {
        return PluginBindings.backbones(binder()).addBinding(name);
    }

    /** @return a binding for the head factory named {@code name} */
    protected final LinkedBindingBuilder<HeadFactory<?>> head(String name) {
        return PluginBindings.heads(binder()).addBinding(name);
    }

    /** @return a binding for the freeze schedule factory named {@code name} */
    protected final LinkedBindingBuilder<FreezeScheduleFactory<?>> freezeSchedule(String name) {
        return PluginBindings.freezeSchedules(binder()).addBinding(name);
    }

    /** @return a binding for the augmenter factory named {@code name} */
    protected final LinkedBindingBuilder<AugmenterFactory<?>> augmenter(String name) {
        return PluginBindings.augmenters(binder()).addBinding(name);
    }

    /** @return a binding for the regulariser factory named {@code name} */
    protected final LinkedBindingBuilder<RegularizerFactory<?>> regularizer(String name) {
        return PluginBindings.regularizers(binder()).addBinding(name);
    }

    /** @return a binding for the similarity metric factory named {@code name} */
    protected final LinkedBindingBuilder<SimilarityMetricFactory<?>> similarityMetric(String name) {
        return PluginBindings.similarityMetrics(binder()).addBinding(name);
    }

    /** @return a binding for the evaluation set factory named {@code name} */
    protected final LinkedBindingBuilder<EvaluationSetFactory<?>> evaluationSet(String name) {
        return PluginBindings.evaluationSets(binder()).addBinding(name);
    }

    /**
     * Declares a family this module contributes; bind its factories with {@link
     * #plugin(PluginFamily, String)}. Another module may contribute plugins to it too.
     *
     * @param family the family
     */
    protected final void family(PluginFamily family) {
        if (family.builtIn()) {
            throw new IllegalArgumentException(family + " is built in: bind its plugins with its own method");
        }
        PluginBindings.families(binder()).addBinding().toInstance(family);
        PluginBindings.contributed(binder(), family);
    }

    /**
     * Declares a sweep axis over a contributed family: descriptors may then list choices under
     * {@code sweep: {NAME: [...]}}, trials without it keep their ids, and reports show it.
     *
     * @param axis the axis
     */
    protected final void axis(Axis axis) {
        PluginBindings.axes(binder()).addBinding().toInstance(axis);
    }

    /**
     * @param family a contributed family (declared by this module or another)
     * @param name the plugin's {@code type:} name
     * @return a binding for its factory, a {@link dev.graft.spi.train.TrainingHookFactory}
     */
    protected final LinkedBindingBuilder<PluginFactory<?>> plugin(PluginFamily family, String name) {
        return PluginBindings.contributed(binder(), family).addBinding(name);
    }
}
