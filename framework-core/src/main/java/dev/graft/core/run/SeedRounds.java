package dev.graft.core.run;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.descriptor.Experiment;
import dev.graft.core.descriptor.SeedPlan;
import dev.graft.core.stats.DecisionRule;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.Trial;
import dev.graft.core.sweep.TrialIds;
import dev.graft.core.sweep.TrialKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which trials a run plans, round by round. A fixed seed list is one round: every trial. A
 * sequential design ({@link SeedPlan.Sequential}) starts every strategy with its first
 * {@code start} seeds; after each round, every strategy whose verdict is still open (by the run's
 * {@link DecisionRule}, under its error control across strategies when it has one) gets its next
 * {@code step} seeds, with their scratch baselines (shared as always), until each is decided or
 * has {@code max} seeds.
 *
 * <p>The plan is a pure function of the recorded results: a resumed run recomputes the same
 * rounds from the store, skips what finished and goes on mid-round; a larger {@code max} lets
 * strategies that stopped at the old maximum continue. The confidence sequence's running
 * intersection only narrows as seeds are added, and the anytime-valid p-values that error control
 * reads only fall, so a verdict, once decided, stays decided.
 */
final class SeedRounds {
    private final List<Trial> trials;
    private final SeedPlan plan;
    private final DecisionRule rule;
    /** Per transfer trial id, its strategy id. */
    private final Map<String, String> strategyOf = new HashMap<>();
    /** Per seed value, its position in the plan's seed order. */
    private final Map<Long, Integer> seedIndex = new HashMap<>();

    /**
     * The trials of one round.
     *
     * @param plan every trial planned so far, this round's included, in plan order
     * @param toRun the trials of the plan not yet finished (nor tried in this run)
     * @param seeds seeds per open strategy once this round has run
     * @param open strategies this round adds seeds to
     * @param strategies strategies in the sweep
     */
    record Round(List<Trial> plan, List<Trial> toRun, int seeds, int open, int strategies) {}

    /**
     * @param experiment the experiment
     * @param trials its trials over every seed the plan may use (the sweep's full expansion)
     * @param mapper the canonical config mapper (a strategy's id is computed from the spec's JSON)
     */
    SeedRounds(Experiment experiment, List<Trial> trials, ObjectMapper mapper) {
        this.trials = List.copyOf(trials);
        this.plan = requireNonNull(experiment.seeds(), "seeds is null");
        this.rule = experiment.decisionRule();
        List<Long> seeds = plan.seeds();
        for (int i = 0; i < seeds.size(); i++) {
            seedIndex.put(seeds.get(i), i);
        }
        for (Trial trial : trials) {
            if (trial.spec().kind() == TrialKind.transfer) {
                try {
                    strategyOf.put(trial.id(), TrialIds.strategyOf(mapper.writeValueAsString(trial.spec())));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /**
     * @param results recorded trials by id, earlier runs' and this run's
     * @param tried ids of trials tried in this run (a trial that failed is not tried again in the same run)
     * @return the current round: what is planned so far and what of it is left to run; nothing
     *     left to run means the run is complete
     */
    Round next(Map<String, TrialRecord> results, Set<String> tried) {
        int strategies = new LinkedHashSet<>(strategyOf.values()).size();
        if (!(plan instanceof SeedPlan.Sequential sequential)) {
            return new Round(trials, toRun(trials, results, tried), plan.seeds().size(), strategies, strategies);
        }
        Set<String> open = new LinkedHashSet<>(strategyOf.values());
        Map<String, Trial> planned = new LinkedHashMap<>();
        int from = 0;
        for (int look : sequential.looks()) {
            for (Trial trial : seedsOf(from, look, open)) {
                planned.putIfAbsent(trial.id(), trial);
            }
            List<Trial> soFar = List.copyOf(planned.values());
            List<Trial> toRun = toRun(soFar, results, tried);
            if (!toRun.isEmpty()) {
                return new Round(soFar, toRun, look, open.size(), strategies);
            }
            // every strategy at once: error control across strategies decides each with all the others' evidence
            Map<String, double[]> gains = new LinkedHashMap<>();
            for (String strategy : new LinkedHashSet<>(strategyOf.values())) {
                gains.put(strategy, gains(strategy, look, results));
            }
            Map<String, DecisionRule.Decision> decisions = rule.decide(gains);
            open.removeIf(strategy -> decisions.get(strategy).decided());
            if (open.isEmpty()) {
                return new Round(soFar, List.of(), look, 0, strategies);
            }
            from = look;
        }
        return new Round(List.copyOf(planned.values()), List.of(), sequential.max(), 0, strategies);
    }

    /**
     * The transfer trials of {@code strategies} with seed positions in [from, to), each with its
     * scratch baseline, in expansion order (a baseline before the transfer trials that need it).
     */
    private List<Trial> seedsOf(int from, int to, Set<String> strategies) {
        Set<String> wanted = new LinkedHashSet<>();
        for (Trial trial : trials) {
            int index = seedIndex.get(trial.spec().seed());
            if (trial.spec().kind() == TrialKind.transfer && index >= from && index < to && strategies.contains(strategyOf.get(trial.id()))) {
                wanted.add(trial.baselineId().orElseThrow());
                wanted.add(trial.id());
            }
        }
        return trials.stream().filter(t -> wanted.contains(t.id())).toList();
    }

    /** The trials of {@code plan} that have not finished and were not tried in this run. */
    private static List<Trial> toRun(List<Trial> plan, Map<String, TrialRecord> results, Set<String> tried) {
        List<Trial> toRun = new ArrayList<>();
        for (Trial trial : plan) {
            TrialRecord record = results.get(trial.id());
            if ((record == null || record.status() != TrialStatus.finished) && !tried.contains(trial.id())) {
                toRun.add(trial);
            }
        }
        return toRun;
    }

    /** The gains of a strategy's seeds at positions below {@code look}, in seed order, where trial and baseline both finished. */
    private double[] gains(String strategy, int look, Map<String, TrialRecord> results) {
        List<double[]> gains = new ArrayList<>();
        for (Trial trial : trials) {
            if (!strategy.equals(strategyOf.get(trial.id()))) {
                continue;
            }
            int index = seedIndex.get(trial.spec().seed());
            TrialRecord transfer = results.get(trial.id());
            java.util.OptionalDouble gain = transfer == null ? java.util.OptionalDouble.empty()
                    : transfer.gainOver(results.get(trial.baselineId().orElseThrow()));
            if (index < look && gain.isPresent()) {
                gains.add(new double[] {index, gain.getAsDouble()});
            }
        }
        gains.sort((a, b) -> Double.compare(a[0], b[0]));
        return gains.stream().mapToDouble(g -> g[1]).toArray();
    }
}
