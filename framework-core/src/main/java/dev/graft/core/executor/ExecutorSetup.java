package dev.graft.core.executor;

import dev.graft.core.trial.RunDefinition;
import static java.util.Objects.requireNonNull;

import dev.graft.core.store.TrialRecord;
import dev.graft.core.sweep.Trial;
import dev.graft.spi.GraftException;
import java.util.Map;

/**
 * What an executor is started with.
 */
public final class ExecutorSetup {
    private final TrialJob job;
    private final int trials;
    private final Map<String, String> options;
    private final RunListener listener;
    private final RunDefinition definition;

    /**
     * @param job what a process needs to rebuild the run
     * @param trials trials there will be to run at most ({@link Integer#MAX_VALUE} when a sequential design may add rounds)
     * @param options the executor's options by key
     * @param listener the orchestrator's listener
     * @param definition the run, as the orchestrator has it
     */
    public ExecutorSetup(TrialJob job, int trials, Map<String, String> options, RunListener listener, RunDefinition definition) {
        this.job = requireNonNull(job, "job is null");
        this.trials = trials;
        this.options = Map.copyOf(options);
        this.listener = requireNonNull(listener, "listener is null");
        this.definition = requireNonNull(definition, "definition is null");
    }

    /** @return what a process needs to rebuild the run */
    public TrialJob job() {
        return job;
    }

    /** @return trials there will be to run at most ({@link Integer#MAX_VALUE} when a sequential design may add rounds) */
    public int trials() {
        return trials;
    }

    /** @return the executor's options ({@code --workers}, {@code --spark-master}, {@code --spark-conf}), by key */
    public Map<String, String> options() {
        return options;
    }

    /**
     * @param key an option key
     * @param otherwise its value when not given
     * @return the option's value
     */
    public String option(String key, String otherwise) {
        return options.getOrDefault(key, otherwise);
    }

    /**
     * @param key an option key
     * @param otherwise its value when not given
     * @return the option as a positive whole number
     * @throws GraftException naming the option when it is not one
     */
    public int positiveOption(String key, int otherwise) {
        String value = options.get(key);
        return value == null ? otherwise : positive(key, value);
    }

    /**
     * @param key a setting's name, for the message
     * @param value its value
     * @return the value as a whole number of at least 1
     * @throws GraftException naming the setting when it is not one
     */
    public static int positive(String key, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new GraftException(key + " must be a whole number of at least 1, got '" + value + "'");
    }

    /** @return the run's config mapper (it knows every plugin's config types) */
    public com.fasterxml.jackson.databind.ObjectMapper mapper() {
        return definition.mapper();
    }

    /** @return the orchestrator's listener, for start-up messages */
    public RunListener listener() {
        return listener;
    }

    /** @return a host that trains in this process, as the in-process executor does */
    public TrialHost local() {
        return TrialHost.local(definition, job);
    }

    /**
     * A failed record for a trial that could not report itself (its process died, or every
     * attempt at it failed outside the trial's own code).
     *
     * @param trial the trial
     * @param error why, in a sentence
     * @return the record
     */
    public TrialRecord failed(Trial trial, String error) {
        return definition.failedRecord(trial, error);
    }
}
