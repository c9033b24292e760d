package dev.graft.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.provenance.DataProvenance;
import dev.graft.core.provenance.TrialProvenance;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a run's design cannot decide what it asks, said in the report and at the end of the run:
 * a test split so small that one image moves accuracy by more than the equivalence margin (or a
 * point); fewer than three seeds; early stopping driven by one validation example per class; and
 * scratch baselines at chance on some seeds.
 */
final class DesignWarnings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DesignWarnings() {}

    /**
     * @param data a run's report data
     * @return one sentence per problem, none for a design that can decide
     */
    static List<String> of(RunData data) {
        List<String> warnings = new ArrayList<>();
        List<TrialRecord> finished = data.analysis().trials().stream().filter(t -> t.status() == TrialStatus.finished).toList();
        double margin = data.rule().equivalence() == null ? 0.01 : data.rule().equivalence();
        String marginName = data.rule().equivalence() == null ? "a point (0.01)" : "the equivalence margin " + Numbers.general(margin).replaceAll("0+$", "");
        TreeSet<Integer> testSizes = new TreeSet<>();
        TreeMap<Integer, Integer> oneValidationPerClass = new TreeMap<>();
        int atChance = 0;
        int scratch = 0;
        List<String> chanceTrials = new ArrayList<>();
        for (TrialRecord trial : finished) {
            DataProvenance target = TrialProvenance.read(trial.provenanceJson()).data();
            int tests = target == null ? 0 : target.testExamples();
            int classes = target == null || target.classes() == null ? 0 : target.classes().size();
            if (tests > 0) {
                testSizes.add(tests);
            }
            JsonNode spec = read(trial.specJson());
            if (classes > 0 && target.validationExamples() == classes && !spec.path("train").path("earlyStopping").isMissingNode()
                    && !spec.path("train").path("earlyStopping").isNull()) {
                oneValidationPerClass.merge(trial.samplesPerClass(), 1, Integer::sum);
            }
            if (trial.kind().equals("scratch") && classes > 1 && tests > 0) {
                scratch++;
                double chance = 1.0 / classes;
                if (trial.testAccuracy() <= chance + 2 * Math.sqrt(chance * (1 - chance) / tests)) {
                    atChance++;
                    chanceTrials.add(trial.samplesPerClass() + "/class seed " + trial.seed());
                }
            }
        }
        if (!testSizes.isEmpty() && 1.0 / testSizes.first() > margin) {
            warnings.add(String.format(Locale.ROOT, "The test split has %d examples: one image moves accuracy by %.4f, more than %s, so "
                    + "gains smaller than that cannot be told apart; use more test examples (testSamplesPerClass).", testSizes.first(),
                    1.0 / testSizes.first(), marginName));
        }
        int seeds = (int) data.analysis().summaries().stream().mapToInt(s -> s.gain().n()).max().orElse(0);
        if (!data.analysis().summaries().isEmpty() && seeds < 3) {
            warnings.add("No strategy has more than " + seeds + (seeds == 1 ? " seed" : " seeds") + " with a gain: an interval over fewer "
                    + "than 3 seeds decides only gains many times the seed-to-seed spread; use more seeds (or seeds: {start: 5, max: 20}).");
        }
        if (!oneValidationPerClass.isEmpty()) {
            warnings.add("Early stopping and the best epoch are chosen on one validation example per class at samplesPerClass "
                    + String.join(", ", oneValidationPerClass.keySet().stream().map(String::valueOf).toList())
                    + ": a single image flips validation accuracy, so the epoch kept is close to arbitrary; more labels per class, "
                    + "a larger validationFraction, or no earlyStopping (the last epoch is kept) avoid it.");
        }
        if (atChance > 0) {
            warnings.add(String.format(Locale.ROOT, "%d of %d scratch baselines scored at chance (%s): their transfer gains measure a "
                    + "baseline that did not train, not transfer.", atChance, scratch, String.join("; ", chanceTrials.subList(0,
                    Math.min(5, chanceTrials.size()))) + (chanceTrials.size() > 5 ? "; ..." : "")));
        }
        return warnings;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json == null ? "{}" : json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
