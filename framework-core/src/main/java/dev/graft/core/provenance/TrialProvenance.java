package dev.graft.core.provenance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import static java.util.Objects.requireNonNull;

/**
 * How one trial was made: its resolved spec, the plugin behind each component, the data, the
 * pretrained backbone, the machine, what the training did (features from the cache, resumed
 * from a checkpoint, stopped early) and how long it took. Immutable, and composed of the
 * provenance of its parts as Tribuo's {@code ModelProvenance} is; parts that did not apply, or
 * that a failing trial never reached, are null and left out of the JSON.
 *
 * @param trialId the trial's id
 * @param spec the resolved spec, as the canonical JSON it is hashed from
 * @param plugins the plugin behind each component, by axis name (plus {@code backbone} and {@code dataset})
 * @param seed the trial's seed
 * @param environment versions and machine facts
 * @param startedAt when the trial started (ISO-8601)
 * @param data the target data
 * @param pretrained the backbone Graft pretrained, for a transfer trial with a {@code pretrain:} block
 * @param backboneProvenance what the backbone plugin says about its weights
 * @param layerGroups the backbone's layer groups, input first
 * @param featureCache whether frozen-backbone features came from the cache
 * @param scratchHead what stood in for a feature head in its scratch baseline
 * @param resumedFromEpoch epochs restored from a checkpoint (0 for a fresh start), when checkpointing
 * @param stoppedEarly whether early stopping ended the training, for networks trained by gradient steps
 * @param seconds wall time of the trial
 * @param timing where that time went, in seconds by phase ({@link Builder#time}); what the phases
 *     leave of {@code seconds} is Graft's own work between them
 * @param edits what training hooks changed in the backbone before training, when they did
 * @param cost what the trial cost: parameters trained, bytes a task adds, memory, time per epoch
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialProvenance(String trialId, JsonNode spec, Map<String, PluginProvenance> plugins, Long seed,
        EnvironmentProvenance environment, String startedAt, DataProvenance data, PretrainedProvenance pretrained,
        Map<String, String> backboneProvenance, List<String> layerGroups, FeatureCacheProvenance featureCache, String scratchHead,
        Integer resumedFromEpoch, Boolean stoppedEarly, Double seconds, Map<String, Double> timing, EditProvenance edits, CostProvenance cost) {
    private static final ObjectMapper READER = new ObjectMapper();

    /**
     * Reads provenance as a trial record stores it; fields this version does not know are skipped.
     *
     * @param json {@code trials.provenance_json}
     * @return the provenance
     * @throws IllegalArgumentException if the text is not provenance JSON
     */
    public static TrialProvenance read(String json) {
        try {
            return READER.readValue(requireNonNull(json, "json is null"), TrialProvenance.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a trial's provenance: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Collects a trial's provenance while it runs, so that a trial failing halfway records what
     * it had reached.
     */
    public static final class Builder {
        private final String trialId;
        private final JsonNode spec;
        private final EnvironmentProvenance environment;
        private Map<String, PluginProvenance> plugins;
        private Long seed;
        private String startedAt;
        private DataProvenance data;
        private PretrainedProvenance pretrained;
        private Map<String, String> backboneProvenance;
        private List<String> layerGroups;
        private FeatureCacheProvenance featureCache;
        private String scratchHead;
        private Integer resumedFromEpoch;
        private Boolean stoppedEarly;
        private EditProvenance edits;
        private CostProvenance cost;
        private Long peakMemoryBytes;
        private final Map<String, Double> timing = new LinkedHashMap<>();

        /**
         * @param trialId the trial's id
         * @param spec its spec as canonical JSON
         * @param environment the machine it runs on
         */
        public Builder(String trialId, JsonNode spec, EnvironmentProvenance environment) {
            this.trialId = requireNonNull(trialId, "trialId is null");
            this.spec = requireNonNull(spec, "spec is null");
            this.environment = requireNonNull(environment, "environment is null");
        }

        /**
         * @param plugins the plugin behind each component
         * @param seed the trial's seed
         * @param startedAt when it started
         * @return this builder
         */
        public Builder started(Map<String, PluginProvenance> plugins, long seed, String startedAt) {
            this.plugins = new LinkedHashMap<>(plugins);
            this.seed = seed;
            this.startedAt = startedAt;
            return this;
        }

        /** @param data the target data @return this builder */
        public Builder data(DataProvenance data) {
            this.data = data;
            return this;
        }

        /** @param pretrained the pretrained backbone @return this builder */
        public Builder pretrained(PretrainedProvenance pretrained) {
            this.pretrained = pretrained;
            return this;
        }

        /**
         * @param provenance what the backbone plugin says about its weights
         * @param layerGroups its layer groups
         * @return this builder
         */
        public Builder backbone(Map<String, String> provenance, List<String> layerGroups) {
            this.backboneProvenance = provenance;
            this.layerGroups = List.copyOf(layerGroups);
            return this;
        }

        /** @param featureCache whether features came from the cache @return this builder */
        public Builder featureCache(FeatureCacheProvenance featureCache) {
            this.featureCache = featureCache;
            return this;
        }

        /** @param scratchHead what stood in for a feature head @return this builder */
        public Builder scratchHead(String scratchHead) {
            this.scratchHead = scratchHead;
            return this;
        }

        /** @param epochs epochs restored from a checkpoint @return this builder */
        public Builder resumedFromEpoch(int epochs) {
            this.resumedFromEpoch = epochs;
            return this;
        }

        /**
         * @param cost what the training cost (its peak memory is {@link #peakMemory}'s)
         * @return this builder
         */
        public Builder cost(CostProvenance cost) {
            this.cost = cost;
            return this;
        }

        /** @param bytes the process's peak resident memory during the trial, or null @return this builder */
        public Builder peakMemory(Long bytes) {
            this.peakMemoryBytes = bytes;
            return this;
        }

        /** @param edits what hooks changed in the backbone @return this builder */
        public Builder edits(EditProvenance edits) {
            this.edits = edits;
            return this;
        }

        /** @param stopped whether early stopping ended the training @return this builder */
        public Builder stoppedEarly(boolean stopped) {
            this.stoppedEarly = stopped;
            return this;
        }

        /**
         * Adds time to a phase of the trial: {@code setup} (its sample, backbone and head),
         * {@code features} (a frozen backbone's features, computed or found in the cache), the
         * training steps' {@code forward}, {@code backward} and {@code step}, {@code validation}
         * after each epoch, {@code batchWait} for prepared batches, {@code fit} (a feature head's
         * own library) and {@code test}.
         *
         * @param phase the phase
         * @param seconds time spent in it
         * @return this builder
         */
        public Builder time(String phase, double seconds) {
            timing.merge(requireNonNull(phase, "phase is null"), seconds, Double::sum);
            return this;
        }

        /**
         * @param seconds the trial's wall time, or null when unknown
         * @return the provenance
         */
        public TrialProvenance build(Double seconds) {
            return new TrialProvenance(trialId, spec, plugins, seed, environment, startedAt, data, pretrained, backboneProvenance,
                    layerGroups, featureCache, scratchHead, resumedFromEpoch, stoppedEarly, seconds,
                    timing.isEmpty() ? null : new LinkedHashMap<>(timing), edits,
                    cost == null && peakMemoryBytes == null ? null
                            : cost == null ? new CostProvenance(null, null, null, peakMemoryBytes, null)
                            : new CostProvenance(cost.trainedParameters(), cost.totalParameters(), cost.taskBytes(), peakMemoryBytes, cost.secondsPerEpoch()));
        }
    }
}
