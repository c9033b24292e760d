package dev.graft.benchmarks;

import dev.graft.core.descriptor.Descriptor;
import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.trial.Components;
import dev.graft.core.trial.DataCatalog;
import dev.graft.core.trial.FeatureCache;
import dev.graft.core.trial.TrialRunner;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.SweepExpander;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialKind;
import dev.graft.core.train.EpochListener;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.Examples;
import dev.graft.spi.data.Split;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whole-sweep figures: a frozen-backbone sweep with and without the feature cache, and the
 * resident memory of one JVM over 100 consecutive trials.
 */
public final class SweepBenchmark {
    /**
     * 4 heads x 3 seeds on a frozen imported backbone (the Keras VGG16 test fixture: full depth,
     * filters / 16, 32x32 RGB input), 100 labelled images per class of Fashion-MNIST 5-9, 20 epochs.
     */
    static final String FROZEN = """
            name: frozen-sweep
            seeds: [1, 2, 3]
            target:
              data: {type: fashion-mnist, classes: [5, 6, 7, 8, 9], source: bundled}
              samplesPerClass: [100]
            train: {epochs: 20, batchSize: 16, optimizer: {type: adam, lr: 0.001}}
            sweep:
              backbone:
                - {type: keras-h5, architecture: vgg16, path: plugins/keras-hdf5/src/test/resources/keras/vgg16-w16-weights.h5,
                   filterDivisor: 16, inputSize: 32}
              head:
                - {type: linear}
                - {type: mlp, hidden: [64], dropout: 0.0}
                - {type: mlp, hidden: [128], dropout: 0.5}
                - {type: mlp, hidden: [256, 64], dropout: 0.5}
              freeze: [{type: frozen}]
            """;
    /** Small trials for the memory figure: a convnet trained from scratch, 5 images per class, 3 epochs. */
    static final String SMALL = """
            name: memory
            seeds: [%s]
            target:
              data: {type: fashion-mnist, classes: [5, 6, 7, 8, 9], source: bundled}
              samplesPerClass: [5]
              testSamplesPerClass: 100
            train: {epochs: 3, batchSize: 8}
            sweep:
              backbone: [{type: convnet, channels: [8, 16]}]
              head: [{type: linear}]
              freeze: [{type: full}]
            """;

    private SweepBenchmark() {}

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "all";
        BenchmarkSupport support = new BenchmarkSupport();
        if (which.equals("all") || which.equals("frozen-sweep")) {
            frozenSweep(support);
        }
        if (which.equals("all") || which.equals("memory")) {
            memory(support);
        }
    }

    private record Plan(List<Trial> trials, Examples pool, Examples test) {}

    private static Plan plan(BenchmarkSupport support, String yaml, TrialKind kind) {
        Descriptor descriptor = new DescriptorReader(support.plugins).read(Path.of("benchmark.yaml"), yaml);
        DataCatalog catalog = new DataCatalog(support.plugins.registry(), support.plugins.mapper(),
                new DataContext(List.of(), Optional.of(Path.of(System.getProperty("graft.bundledData", "experiments/data"))), Path.of("")));
        List<Trial> trials = new SweepExpander(support.plugins.mapper()).expand(descriptor.experiment()).stream()
                .filter(t -> t.spec().kind() == kind).toList();
        Examples pool = catalog.load(descriptor.experiment().target().data(), Split.TRAIN);
        Examples test = catalog.load(descriptor.experiment().target().data(), Split.TEST);
        Integer cap = descriptor.experiment().target().testSamplesPerClass();
        return new Plan(trials, pool, cap == null ? test : dev.graft.core.data.PerClassSampler.firstPerClass(test, cap));
    }

    /** @return seconds for every trial of the plan; their test accuracies go into {@code accuracies} */
    private static double run(TrialRunner runner, Plan plan, double[] accuracies) {
        long started = System.nanoTime();
        for (int i = 0; i < plan.trials().size(); i++) {
            TrialRecord record = runner.run(plan.trials().get(i), dev.graft.core.trial.TrialData.of(plan.pool(), plan.test(), null), EpochListener.NONE);
            if (record.status() != TrialStatus.finished) {
                throw new IllegalStateException(record.error());
            }
            accuracies[i] = record.testAccuracy();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    static void frozenSweep(BenchmarkSupport support) {
        Components components = new Components(support.plugins.registry());
        Plan plan = plan(support, FROZEN, TrialKind.transfer);
        double[] cachedAccuracy = new double[plan.trials().size()];
        double[] uncachedAccuracy = new double[plan.trials().size()];
        double uncached = run(new TrialRunner(components, support.plugins.mapper(), null), plan, uncachedAccuracy);
        // a fresh cache in memory: the first trial computes the features, as in a new run
        double cached = run(new TrialRunner(components, support.plugins.mapper(), new FeatureCache(null, 1L << 30, Long.MAX_VALUE)), plan,
                cachedAccuracy);
        BenchmarkSupport.figure("frozen-sweep", "trials", plan.trials().size(), "cached", cached, "uncached", uncached,
                "speedup", uncached / cached, "same_accuracies", java.util.Arrays.equals(cachedAccuracy, uncachedAccuracy));
    }

    static void memory(BenchmarkSupport support) {
        Components components = new Components(support.plugins.registry());
        StringBuilder seeds = new StringBuilder();
        for (int s = 1; s <= 100; s++) {
            seeds.append(s == 1 ? "" : ", ").append(s);
        }
        Plan plan = plan(support, SMALL.formatted(seeds), TrialKind.transfer);
        TrialRunner runner = new TrialRunner(components, support.plugins.mapper(), null);
        long afterTen = 0;
        long started = System.nanoTime();
        for (int i = 0; i < plan.trials().size(); i++) {
            TrialRecord record = runner.run(plan.trials().get(i), dev.graft.core.trial.TrialData.of(plan.pool(), plan.test(), null), EpochListener.NONE);
            if (record.status() != TrialStatus.finished) {
                throw new IllegalStateException(record.error());
            }
            if (i == 9) {
                afterTen = rss();
            }
        }
        long afterAll = rss();
        BenchmarkSupport.figure("memory", "trials", plan.trials().size(), "rss_after_10_mib", afterTen >> 20, "rss_after_100_mib", afterAll >> 20,
                "rss-growth_pct", 100.0 * (afterAll - afterTen) / afterTen, "seconds", (System.nanoTime() - started) / 1e9);
    }

    /** Resident set size of this process, after a garbage collection (bytes). */
    static long rss() {
        System.gc();
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
