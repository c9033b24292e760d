package dev.graft.core.run;

import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.descriptor.Experiment;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.SweepExpander;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialKind;
import dev.graft.core.sweep.TrialLabels;
import dev.graft.spi.Axis;
import dev.graft.testing.TestPlugins;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rounds of a sequential design, on recorded results made up for the purpose: strategy
 * "frozen=1" gains +0.2 with a small spread (decided early), "frozen=2" gains about nothing with
 * a large spread (never decided).
 */
class SeedRoundsTest {
    static final Plugins PLUGINS = Plugins.of(List.of(new TestPlugins()));
    static final String YAML = """
            name: rounds
            seeds: {start: 5, max: 9, step: 2}
            target:
              data: {type: test-synthetic, classes: [0, 1]}
              samplesPerClass: [6]
            train: {epochs: 1, batchSize: 4}
            sweep:
              backbone:
                - type: test-tiny
                  pretrain:
                    data: {type: test-synthetic, classes: [2, 3]}
              head: [{type: test-dense}]
              freeze: [{type: test-freeze-bottom, frozen: 1}, {type: test-freeze-bottom, frozen: 2}]
            """;
    static final double[] NOISE = {0.03, -0.05, 0.08, -0.02, 0.06, -0.07, 0.01, -0.04, 0.05, -0.03, 0.02};

    private static Experiment experiment(String yaml) {
        return new DescriptorReader(PLUGINS).read(Path.of("rounds.yaml"), yaml).experiment();
    }

    /** Records every trial of the round as finished, with accuracies that give each strategy its gains. */
    private static void record(SeedRounds.Round round, Map<String, TrialRecord> results) {
        record(round, results, (seed, frozen1) -> 0.5 + (frozen1 ? 0.2 + NOISE[seed - 1] / 10 : NOISE[seed - 1] * 3));
    }

    /**
     * Records every trial of the round as finished: scratch baselines at 0.5, transfer trials at
     * {@code transfer(seed, whether the strategy is frozen=1)}.
     */
    private static void record(SeedRounds.Round round, Map<String, TrialRecord> results, java.util.function.BiFunction<Integer, Boolean, Double> transfer) {
        for (Trial trial : round.toRun()) {
            int seed = (int) trial.spec().seed();
            double accuracy = trial.spec().kind() == TrialKind.transfer ? transfer.apply(seed, trial.labels().of(Axis.FREEZE).contains("frozen=1")) : 0.5;
            results.put(trial.id(), new TrialRecord(trial.id(), trial.spec().kind().name(), TrialLabels.of("b", "h", trial.labels().of(Axis.FREEZE), "none", "none"),
                    6, seed, trial.baselineId().orElse(null), TrialStatus.finished, null, accuracy, accuracy, 1, 1, 0.1,
                    PLUGINS.mapper().valueToTree(trial.spec()).toString(), "{}", null, "t", List.of()));
        }
    }

    private static Set<Long> seeds(List<Trial> trials, String freeze) {
        return trials.stream().filter(t -> t.labels().of(Axis.FREEZE).contains(freeze)).map(t -> t.spec().seed()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void decidedStrategiesStopAndOpenOnesGetMoreSeedsUpToMax() {
        Experiment experiment = experiment(YAML);
        List<Trial> all = new SweepExpander(PLUGINS.mapper()).expand(experiment);
        SeedRounds rounds = new SeedRounds(experiment, all, PLUGINS.mapper());
        Map<String, TrialRecord> results = new HashMap<>();
        Set<String> tried = new HashSet<>();

        SeedRounds.Round first = rounds.next(results, tried);
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L), seeds(first.toRun(), "frozen=1"));
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L), seeds(first.toRun(), "frozen=2"));
        assertEquals(15, first.toRun().size(), "5 seeds x (2 strategies + their shared baseline)");
        record(first, results);

        // +0.2 with a spread of 0.005 is decided at the first look, 5 seeds; the noisy one goes on alone
        SeedRounds.Round second = rounds.next(results, tried);
        assertEquals(Set.of(), seeds(second.toRun(), "frozen=1"));
        assertEquals(Set.of(6L, 7L), seeds(second.toRun(), "frozen=2"));
        assertEquals(4, second.toRun().size(), "2 seeds x (the open strategy + its baseline)");
        assertEquals(2, second.strategies());
        assertEquals(1, second.open());
        record(second, results);

        SeedRounds.Round third = rounds.next(results, tried);
        assertEquals(Set.of(8L, 9L), seeds(third.toRun(), "frozen=2"));
        record(third, results);

        SeedRounds.Round done = rounds.next(results, tried);
        assertTrue(done.toRun().isEmpty(), "max reached");
        assertEquals(5 * 3 + 4 * 2, done.plan().size(), "5 seeds of frozen=1 and their baselines, 4 more seeds of frozen=2 with theirs");

        // resumed mid-round: the same plan, and only what is missing runs
        Map<String, TrialRecord> partial = new HashMap<>(results);
        third.toRun().subList(2, 4).forEach(t -> partial.remove(t.id()));
        SeedRounds.Round resumed = new SeedRounds(experiment, all, PLUGINS.mapper()).next(partial, new HashSet<>());
        assertEquals(third.toRun().subList(2, 4), resumed.toRun());

        // a larger max lets the open strategy continue where it stopped; the decided one stays decided
        Experiment longer = experiment(YAML.replace("max: 9", "max: 11"));
        SeedRounds.Round more = new SeedRounds(longer, new SweepExpander(PLUGINS.mapper()).expand(longer), PLUGINS.mapper())
                .next(results, new HashSet<>());
        assertEquals(Set.of(10L, 11L), seeds(more.toRun(), "frozen=2"));
        assertEquals(Set.of(), seeds(more.toRun(), "frozen=1"));
    }

    /**
     * Accuracies move in steps of one test example, so the first two gains tie often; before, that
     * made the interval NaN for ever and the strategy ran to its maximum. A pair whose accuracy is
     * not a number contributes no gain instead of poisoning the others.
     */
    @Test
    void aTieInTheFirstGainsOrAnAccuracyThatIsNotANumberDoesNotKeepAStrategyOpen() {
        Experiment experiment = experiment(YAML);
        List<Trial> all = new SweepExpander(PLUGINS.mapper()).expand(experiment);
        SeedRounds rounds = new SeedRounds(experiment, all, PLUGINS.mapper());
        Map<String, TrialRecord> results = new HashMap<>();
        SeedRounds.Round first = rounds.next(results, new HashSet<>());
        // frozen=1 gains exactly +0.2 on seeds 1 and 2 (a tie), then +0.19, +0.21, +0.2; on seed 3 its transfer scored NaN
        double[] steps = {0.2, 0.2, 0.19, 0.21, 0.2, 0.2};
        record(first, results, (seed, frozen1) -> frozen1 ? (seed == 3 ? Double.NaN : 0.5 + steps[seed - 1]) : 0.5 + NOISE[seed - 1] * 3);
        // 4 gains (seed 3 gave none): below the first look; the next round gives it seeds 6 and 7, then it decides
        SeedRounds.Round second = rounds.next(results, new HashSet<>());
        assertEquals(Set.of(6L, 7L), seeds(second.toRun(), "frozen=1"));
        record(second, results);
        SeedRounds.Round third = rounds.next(results, new HashSet<>());
        assertEquals(Set.of(), seeds(third.toRun(), "frozen=1"), "decided at 6 gains despite the tie and the NaN");
    }

    /** Under error control a strategy its own interval decides stays open until the control decides it too. */
    @Test
    void underErrorControlAStrategyStaysOpenUntilTheControlledVerdictIsDecided() {
        String yaml = YAML.replace("seeds: {start: 5, max: 9, step: 2}", "seeds: {start: 5, max: 9, step: 2}\ndecide: {control: fwer, level: 1.0e-7}");
        Experiment experiment = experiment(yaml);
        List<Trial> all = new SweepExpander(PLUGINS.mapper()).expand(experiment);
        SeedRounds rounds = new SeedRounds(experiment, all, PLUGINS.mapper());
        Map<String, TrialRecord> results = new HashMap<>();
        SeedRounds.Round first = rounds.next(results, new HashSet<>());
        record(first, results);
        // at 5 seeds +0.2 with spread 0.005 (t = 84) is decided on its own 95% interval, not at the family-wise level 1e-7 / 2
        dev.graft.core.stats.DecisionRule own = new dev.graft.core.stats.DecisionRule(true, null, 9);
        assertTrue(own.verdict(own.interval(gainsOf(results, "frozen=1"))).decided());
        SeedRounds.Round second = rounds.next(results, new HashSet<>());
        assertEquals(Set.of(6L, 7L), seeds(second.toRun(), "frozen=1"));
    }

    private static double[] gainsOf(Map<String, TrialRecord> results, String freeze) {
        Map<Long, Double> baseline = new java.util.TreeMap<>();
        Map<Long, Double> transfer = new java.util.TreeMap<>();
        for (TrialRecord r : results.values()) {
            if (r.kind().equals("scratch")) {
                baseline.put(r.seed(), r.testAccuracy());
            } else if (r.labels().of(Axis.FREEZE).contains(freeze)) {
                transfer.put(r.seed(), r.testAccuracy());
            }
        }
        return transfer.entrySet().stream().mapToDouble(e -> e.getValue() - baseline.get(e.getKey())).toArray();
    }

    @Test
    void aFixedListIsOneRoundOfEveryTrial() {
        Experiment experiment = experiment(YAML.replace("seeds: {start: 5, max: 9, step: 2}", "seeds: [1, 2, 3]"));
        List<Trial> all = new SweepExpander(PLUGINS.mapper()).expand(experiment);
        SeedRounds.Round round = new SeedRounds(experiment, all, PLUGINS.mapper()).next(new HashMap<>(), new HashSet<>());
        assertEquals(all, round.toRun());
        Map<String, TrialRecord> results = new HashMap<>();
        record(round, results);
        assertTrue(new SeedRounds(experiment, all, PLUGINS.mapper()).next(results, new HashSet<>()).toRun().isEmpty());
    }
}
