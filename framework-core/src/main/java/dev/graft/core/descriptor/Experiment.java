package dev.graft.core.descriptor;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.core.stats.DecisionRule;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.evaluate.EvaluationConfig;
import dev.graft.spi.similarity.SimilarityConfig;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A whole experiment descriptor, resolved.
 *
 * @param name the experiment's name; the default output directory is {@code runs/<name>}
 * @param description free text
 * @param seeds the seeds every strategy runs with: a fixed list or a sequential design
 * @param target the target task
 * @param train how trials train
 * @param sweep the strategy axes
 * @param baseline the baseline every transfer trial is paired with
 * @param similarity metrics computed before training
 * @param similaritySamples examples per side fed to the similarity metrics
 * @param decide how verdicts are decided: an equivalence margin, error control across strategies
 * @param evaluate evaluation sets every trial is scored on besides the test split, by name (in order)
 */
public record Experiment(
        @JsonPropertyDescription("name of the experiment; letters, digits, '-', '_' and '.'") String name,
        @JsonPropertyDescription("free text shown in the report") String description,
        @JsonPropertyDescription("seeds every strategy runs with: a list, or {start, max, step} to add seeds until each verdict is decided") SeedPlan seeds,
        @JsonPropertyDescription("the target task") TargetSpec target,
        @JsonPropertyDescription("training settings shared by all trials") TrainConfig train,
        @JsonPropertyDescription("the strategy axes whose product is the set of trials") SweepSpec sweep,
        @JsonPropertyDescription("the baseline every transfer trial is paired with") BaselineSpec baseline,
        @JsonPropertyDescription("similarity metrics computed before training") List<SimilarityConfig> similarity,
        @JsonPropertyDescription("examples per side given to similarity metrics") Integer similaritySamples,
        @JsonPropertyDescription("how verdicts are decided: {equivalence: δ, control: none|fwer|fdr, level: 0.05}") DecideSpec decide,
        @JsonPropertyDescription("sets every trial is scored on besides the test split, by name: {noise: {type: corrupt, corruption: gaussian-noise, severity: 3}}")
        java.util.Map<String, EvaluationConfig> evaluate) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** The name results give the target's own test split beside the evaluation sets. */
    public static final String TEST_SET = "test";

    public Experiment {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidConfigException("name", "must be letters, digits, '.', '_' or '-' (it names the output directory), got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        description = description == null ? "" : description;
        if (seeds == null) {
            throw new InvalidConfigException("seeds", "must list at least one seed");
        }
        if (target == null) {
            throw new InvalidConfigException("target", "is required");
        }
        train = train == null ? TrainConfig.DEFAULT : train;
        if (sweep == null) {
            throw new InvalidConfigException("sweep", "is required");
        }
        baseline = baseline == null ? BaselineSpec.SCRATCH : baseline;
        similarity = similarity == null ? List.of() : List.copyOf(similarity);
        similaritySamples = similaritySamples == null ? 500 : similaritySamples;
        if (similaritySamples < 10) {
            throw new InvalidConfigException("similaritySamples", "must be at least 10, got " + similaritySamples);
        }
        decide = decide == null ? DecideSpec.NONE : decide;
        evaluate = java.util.Collections.unmodifiableMap(evaluate == null ? new java.util.LinkedHashMap<>() : new java.util.LinkedHashMap<>(evaluate));
        for (String set : evaluate.keySet()) {
            if (!NAME.matcher(set).matches() || set.equals(TEST_SET)) {
                throw new InvalidConfigException("evaluate", "a set's name is letters, digits, '.', '_' or '-', and not '" + TEST_SET
                        + "' (the test split's), got '" + set + "'");
            }
        }
        requireNonNull(target);
    }

    /** @return how gains over seeds become intervals and verdicts in this experiment */
    public DecisionRule decisionRule() {
        DecisionRule rule = seeds instanceof SeedPlan.Sequential sequential ? new DecisionRule(true, decide.equivalence(), sequential.max())
                : new DecisionRule(false, decide.equivalence(), null);
        return rule.controlled(decide.control(), decide.level());
    }
}
