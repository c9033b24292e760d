package dev.graft.reports;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.stats.DecisionRule;
import dev.graft.core.store.PretrainRecord;
import dev.graft.core.store.ResultStore;
import dev.graft.core.store.SimilarityRecord;
import dev.graft.core.store.TrialRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, read from a store: the trials of the latest plan (in plan order),
 * the similarity scores and the pretrained backbones.
 *
 * @param experiment the experiment's name
 * @param description its description
 * @param planned trials in the latest plan
 * @param analysis paired gains and summaries
 * @param similarities similarity scores
 * @param pretrainings pretrained backbones
 * @param rule how the run turned gains into intervals and verdicts
 * @param descriptor the descriptor's text as the run read it, or empty
 * @param evaluationSets the sets the trials were scored on besides the test split, in order, each
 *     with whether it is the source task
 * @param bySet per evaluation set of the target's examples, the same analysis on the trials' scores there
 */
public record RunData(String experiment, String description, int planned, TransferAnalysis analysis,
        List<SimilarityRecord> similarities, List<PretrainRecord> pretrainings, DecisionRule rule, String descriptor,
        Map<String, Boolean> evaluationSets, Map<String, TransferAnalysis> bySet) {

    /** A run scored on its test split only. */
    public RunData(String experiment, String description, int planned, TransferAnalysis analysis, List<SimilarityRecord> similarities,
            List<PretrainRecord> pretrainings, DecisionRule rule, String descriptor) {
        this(experiment, description, planned, analysis, similarities, pretrainings, rule, descriptor, Map.of(), Map.of());
    }

    /**
     * What the feature cache did for this run's trials whose backbone stayed frozen: how many
     * trained their heads on cached features, and how many bypassed the cache and why.
     *
     * @return one sentence, or an empty string when no trial kept its backbone frozen
     */
    public String featureCacheNote() {
        int used = 0;
        java.util.Map<String, Integer> bypassed = new java.util.TreeMap<>();
        for (var trial : analysis.trials()) {
            if (trial.provenanceJson() == null) {
                continue;
            }
            try {
                var cache = dev.graft.core.provenance.TrialProvenance.read(trial.provenanceJson()).featureCache();
                if (cache != null && cache.used()) {
                    used++;
                } else if (cache != null && cache.reason() != null) {
                    bypassed.merge(cache.reason(), 1, Integer::sum);
                }
            } catch (IllegalArgumentException e) {
                // provenance of an older version: nothing to count
            }
        }
        if (used == 0 && bypassed.isEmpty()) {
            return "";
        }
        StringBuilder note = new StringBuilder("Feature cache: ").append(used).append(used == 1 ? " trial" : " trials")
                .append(" with a frozen backbone trained on cached features");
        if (!bypassed.isEmpty()) {
            note.append("; bypassed by ");
            note.append(bypassed.entrySet().stream().map(e -> e.getValue() + (e.getValue() == 1 ? " trial" : " trials") + " (" + e.getKey() + ")")
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        return note.append('.').toString();
    }

    /** @return where the run's design cannot decide what it asks, one sentence each */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>(DesignWarnings.of(this));
        warnings.addAll(ShapeWarnings.of(analysis));
        return warnings;
    }

    /** @return how well each similarity metric predicted the realised outcomes */
    public MetricPredictions predictions() {
        return MetricPredictions.of(similarities, pretrainings, analysis);
    }

    /**
     * @param store an open store
     * @return the report data
     */
    public static RunData read(ResultStore store) {
        List<String> plan;
        try {
            plan = new ObjectMapper().readValue(store.meta("plan").orElse("[]"), new TypeReference<List<String>>() {});
        } catch (IOException e) {
            throw new IllegalStateException(store.file() + ": unreadable plan: " + e.getMessage(), e);
        }
        Map<String, TrialRecord> byId = new HashMap<>();
        for (TrialRecord trial : store.trials()) {
            byId.put(trial.trialId(), trial);
        }
        List<TrialRecord> trials = new ArrayList<>();
        for (String id : plan) {
            TrialRecord trial = byId.get(id);
            if (trial != null) {
                trials.add(trial);
            }
        }
        DecisionRule rule;
        try {
            rule = store.meta("decision").isPresent() ? new ObjectMapper().readValue(store.meta("decision").get(), DecisionRule.class)
                    : DecisionRule.FIXED;
        } catch (IOException e) {
            throw new IllegalStateException(store.file() + ": unreadable decision rule: " + e.getMessage(), e);
        }
        Map<String, Boolean> sets = store.evaluationSets();
        Map<String, TransferAnalysis> bySet = new java.util.LinkedHashMap<>();
        sets.forEach((set, sourceTask) -> {
            // the source task has no scratch baseline to gain over: it is read as retention, not analysed here
            if (!sourceTask) {
                bySet.put(set, TransferAnalysis.of(trials.stream().map(t -> t.onSet(set)).toList(), rule));
            }
        });
        return new RunData(store.meta("experiment").orElse("?"), store.meta("description").orElse(""), plan.size(),
                TransferAnalysis.of(trials, rule), store.similarities(), store.pretrainings(), rule, store.meta("descriptor").orElse(""),
                sets, bySet);
    }
}
