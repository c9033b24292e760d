package dev.graft.core.sweep;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A trial to run.
 *
 * @param id the hash of the resolved spec
 * @param spec the resolved spec
 * @param baselineId for a transfer trial, the id of its paired scratch trial
 * @param labels short names of each axis value, for progress lines and reports
 */
public record Trial(String id, TrialSpec spec, Optional<String> baselineId, TrialLabels labels) {
    public Trial {
        requireNonNull(id, "id is null");
        requireNonNull(spec, "spec is null");
        requireNonNull(baselineId, "baselineId is null");
        requireNonNull(labels, "labels is null");
    }
}
