package dev.graft.reports;

import dev.graft.core.provenance.CostProvenance;
import dev.graft.core.provenance.TrialProvenance;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What a strategy costs, from its finished trials' provenance: the median over seeds of the
 * parameters trained, the bytes a task adds on top of the pretrained backbone, the process's peak
 * memory and the seconds per epoch. A part no trial measured is null.
 *
 * @param trainedParameters parameter values trained (head included)
 * @param totalParameters parameter values of the network trained
 * @param taskBytes bytes a task stores beside the pretrained backbone (a scratch network's all)
 * @param peakMemoryBytes peak resident memory of the process during a trial
 * @param secondsPerEpoch median epoch time
 */
public record Costs(Long trainedParameters, Long totalParameters, Long taskBytes, Long peakMemoryBytes, Double secondsPerEpoch) {
    static final Costs NONE = new Costs(null, null, null, null, null);

    /**
     * @param trials trials of one strategy (or one scratch configuration)
     * @return the medians over the finished ones
     */
    static Costs of(List<TrialRecord> trials) {
        List<CostProvenance> costs = new ArrayList<>();
        for (TrialRecord trial : trials) {
            if (trial.status() == TrialStatus.finished && trial.provenanceJson() != null) {
                CostProvenance cost = TrialProvenance.read(trial.provenanceJson()).cost();
                if (cost != null) {
                    costs.add(cost);
                }
            }
        }
        if (costs.isEmpty()) {
            return NONE;
        }
        Double seconds = median(costs, c -> c.secondsPerEpoch());
        return new Costs(whole(median(costs, c -> toDouble(c.trainedParameters()))), whole(median(costs, c -> toDouble(c.totalParameters()))),
                whole(median(costs, c -> toDouble(c.taskBytes()))), whole(median(costs, c -> toDouble(c.peakMemoryBytes()))), seconds);
    }

    private static Double toDouble(Long value) {
        return value == null ? null : value.doubleValue();
    }

    private static Long whole(Double value) {
        return value == null ? null : Math.round(value);
    }

    private static Double median(List<CostProvenance> costs, Function<CostProvenance, Double> part) {
        double[] values = costs.stream().map(part).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        return values.length == 0 ? null : dev.graft.core.stats.Interval.median(values);
    }

    /** @return whether anything was measured */
    boolean measured() {
        return trainedParameters != null || taskBytes != null || peakMemoryBytes != null || secondsPerEpoch != null;
    }

    /** @return the trained parameters as a reader reads them: 437, 23.7k, 1.20M */
    String trainedCell() {
        return trainedParameters == null ? "" : count(trainedParameters);
    }

    /** @return the trained share of the network's parameters, as a percentage, or empty */
    String shareCell() {
        if (trainedParameters == null || totalParameters == null || totalParameters == 0) {
            return "";
        }
        double share = 100.0 * trainedParameters / totalParameters;
        return String.format(Locale.ROOT, share >= 10 ? "%.0f%%" : share >= 1 ? "%.1f%%" : "%.2f%%", share);
    }

    /** @return the task's bytes, decimal units: 3.1 kB */
    String taskCell() {
        return taskBytes == null ? "" : bytes(taskBytes);
    }

    /** @return the peak memory, decimal units */
    String memoryCell() {
        return peakMemoryBytes == null ? "" : bytes(peakMemoryBytes);
    }

    /** @return seconds per epoch */
    String secondsCell() {
        return secondsPerEpoch == null ? "" : String.format(Locale.ROOT, secondsPerEpoch >= 10 ? "%.1f" : secondsPerEpoch >= 0.1 ? "%.2f" : "%.3f", secondsPerEpoch);
    }

    static String count(long n) {
        if (n < 1000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, n < 10_000 ? "%.2fk" : n < 100_000 ? "%.1fk" : "%.0fk", n / 1e3);
        }
        return String.format(Locale.ROOT, n < 10_000_000 ? "%.2fM" : "%.1fM", n / 1e6);
    }

    static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = n;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.2f %s" : value < 100 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
