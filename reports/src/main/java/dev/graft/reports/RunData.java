package dev.graft.reports;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 */
public record RunData(String experiment, String description, int planned, TransferAnalysis analysis,
        List<SimilarityRecord> similarities, List<PretrainRecord> pretrainings) {

    /** @return how well each similarity metric predicted the realised outcomes */
    public MetricPredictions predictions() {
        return MetricPredictions.of(similarities, analysis);
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
        return new RunData(store.meta("experiment").orElse("?"), store.meta("description").orElse(""), plan.size(),
                TransferAnalysis.of(trials), store.similarities(), store.pretrainings());
    }
}
