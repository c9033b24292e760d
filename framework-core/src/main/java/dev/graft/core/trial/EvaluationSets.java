package dev.graft.core.trial;

import static java.util.Objects.requireNonNull;

import dev.graft.core.descriptor.BackboneSpec;
import dev.graft.core.descriptor.Experiment;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialKind;
import dev.graft.core.train.Seeds;
import dev.graft.spi.GraftException;
import dev.graft.spi.PluginFamily;
import dev.graft.spi.data.Examples;
import dev.graft.spi.data.Split;
import dev.graft.spi.evaluate.EvaluationConfig;
import dev.graft.spi.evaluate.EvaluationContext;
import dev.graft.spi.evaluate.EvaluationSet;
import dev.graft.spi.evaluate.EvaluationSetFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation sets a descriptor's {@code evaluate:} names, made once from the target's test
 * split (and, for the source task, each pretrained backbone's source test split), in the order
 * the descriptor lists them. Every trial is scored on each after training; a scratch trial has no
 * source task.
 *
 * @param sets the sets by name, in the descriptor's order
 * @param sourceTests each pretrained backbone's source test split (classes as its pretrain block selects), when a set is the source task
 */
public record EvaluationSets(Map<String, EvaluationSet> sets, Map<BackboneSpec, Examples> sourceTests) {
    /** No sets: the run scores the test split only. */
    public static final EvaluationSets NONE = new EvaluationSets(Map.of(), Map.of());

    public EvaluationSets {
        sets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(sets, "sets is null")));
        sourceTests = Map.copyOf(sourceTests);
    }

    /**
     * Makes the sets of an experiment.
     *
     * @param experiment the experiment
     * @param catalog data access
     * @param test the target's test split, classes selected and capped
     * @return the sets
     * @throws GraftException naming the set when one does not have the target's classes and format
     */
    public static EvaluationSets make(Experiment experiment, DataCatalog catalog, Examples test) {
        if (experiment.evaluate().isEmpty()) {
            return NONE;
        }
        Map<String, EvaluationSet> sets = new LinkedHashMap<>();
        boolean sourceTask = false;
        for (Map.Entry<String, EvaluationConfig> entry : experiment.evaluate().entrySet()) {
            EvaluationSetFactory<EvaluationConfig> factory = catalog.registry().factoryFor(PluginFamily.EVALUATION, entry.getValue());
            EvaluationContext context = new EvaluationContext(test, data -> catalog.load(data, Split.TEST),
                    Seeds.derive(0L, "evaluate/" + entry.getKey()));
            EvaluationSet set = factory.create(entry.getValue(), context);
            if (set instanceof EvaluationSet.Target target) {
                Examples examples = target.examples();
                if (!examples.classNames().equals(test.classNames()) || !examples.format().equals(test.format()) || examples.size() == 0) {
                    throw new GraftException("evaluate." + entry.getKey() + ": the set has classes " + examples.classNames() + " and "
                            + examples.format().describe() + " (" + examples.size() + " examples), but the target's test split has "
                            + test.classNames() + " and " + test.format().describe());
                }
            } else {
                sourceTask = true;
            }
            sets.put(entry.getKey(), set);
        }
        Map<BackboneSpec, Examples> sourceTests = new LinkedHashMap<>();
        if (sourceTask) {
            for (BackboneSpec backbone : experiment.sweep().backbone()) {
                if (backbone.pretrain() != null) {
                    sourceTests.putIfAbsent(backbone, catalog.load(backbone.pretrain().data(), Split.TEST));
                }
            }
        }
        return new EvaluationSets(sets, sourceTests);
    }

    /**
     * What one trial is scored on.
     *
     * @param trial a trial of the run
     * @return each set the trial has, in order: a scratch trial (or a backbone Graft did not pretrain) has no source task
     */
    public List<Scored> of(Trial trial) {
        List<Scored> scored = new ArrayList<>();
        sets.forEach((name, set) -> {
            if (set instanceof EvaluationSet.Target target) {
                scored.add(new Scored(name, target.examples(), false));
            } else if (trial.spec().kind() == TrialKind.transfer && sourceTests.containsKey(trial.spec().backbone())) {
                scored.add(new Scored(name, sourceTests.get(trial.spec().backbone()), true));
            }
        });
        return scored;
    }

    /**
     * One set a trial is scored on.
     *
     * @param name the set's name
     * @param examples its examples
     * @param underSourceHead whether the trained backbone is scored under the pretrained source head (the source task)
     */
    public record Scored(String name, Examples examples, boolean underSourceHead) {}
}
