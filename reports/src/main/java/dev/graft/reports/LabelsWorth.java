package dev.graft.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.TrialIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What a transfer strategy at {@code n} labelled examples per class is worth in labels: how many
 * per class scratch training needs to reach the same mean test accuracy ("effective data
 * transferred", Hernandez, Kaplan, Henighan &amp; McCandlish 2021, "Scaling laws for transfer").
 * It is read off the scratch learning curve the sweep measured (the paired baseline's
 * configuration at every {@code samplesPerClass}), made monotone by pool-adjacent-violators and
 * interpolated linearly in log(labels); beyond the largest measured size it is "&gt; N", below the
 * smallest "&lt; n". The interval is a 95% percentile bootstrap over seeds (Efron &amp; Tibshirani
 * 1993): each size's scratch seeds and the strategy's transfer seeds are resampled independently,
 * 2,000 times with a fixed seed, so the same results give the same interval.
 *
 * @param value labels per class scratch needs (NaN when it cannot be read; see {@link #note})
 * @param low lower end of the 95% interval
 * @param high upper end
 * @param smallest the smallest size the scratch curve measured
 * @param largest the largest
 * @param note why there is no value, or empty
 */
public record LabelsWorth(double value, double low, double high, int smallest, int largest, String note) {
    static final int RESAMPLES = Bootstrap.RESAMPLES;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return "37", "&gt; 100", "&lt; 10" or the note */
    public String text() {
        return format(value);
    }

    /** @return "37 [21, 64]" or similar, with the interval when there is one */
    public String textWithInterval() {
        if (Double.isNaN(value)) {
            return note;
        }
        return format(value) + " [" + format(low) + ", " + format(high) + "]";
    }

    /**
     * @param labels the labelled examples per class the transfer trial had
     * @return "3.7×", or "" when the value is censored or missing
     */
    public String ratio(int labels) {
        return Double.isFinite(value) && value >= smallest && value <= largest ? String.format(Locale.ROOT, "%.1f×", value / labels) : "";
    }

    /**
     * @param v a worth in labels per class, or ±infinity when censored
     * @return its text for tables and CSV
     */
    String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v > largest) {
            return "> " + largest;
        }
        if (v < smallest) {
            return "< " + smallest;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f" : "%.0f", v);
    }

    /**
     * @param trials a run's trials
     * @param transfer the finished transfer trials of one strategy at one size
     * @param byId the run's trials by id
     * @return what the strategy is worth in labels
     */
    static LabelsWorth of(List<TrialRecord> trials, List<TrialRecord> transfer, Map<String, TrialRecord> byId) {
        if (transfer.isEmpty()) {
            return missing("no finished trial");
        }
        TrialRecord baseline = byId.get(transfer.get(0).baselineId());
        if (baseline == null) {
            return missing("no baseline");
        }
        String curve = curveId(baseline.specJson());
        TreeMap<Integer, List<Double>> scratch = new TreeMap<>();
        for (TrialRecord trial : trials) {
            if (trial.kind().equals("scratch") && trial.status() == TrialStatus.finished && curve.equals(curveId(trial.specJson()))) {
                scratch.computeIfAbsent(trial.samplesPerClass(), k -> new ArrayList<>()).add(trial.testAccuracy());
            }
        }
        if (scratch.size() < 2) {
            return missing("needs scratch results at two or more samplesPerClass");
        }
        int[] sizes = scratch.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[][] accuracies = scratch.values().stream().map(v -> v.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
        double[] target = transfer.stream().mapToDouble(TrialRecord::testAccuracy).toArray();
        double value = invert(sizes, means(accuracies), mean(target));
        SplittableRandom random = new SplittableRandom(20211026L);
        double[] draws = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double[] curveMeans = new double[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                curveMeans[i] = mean(Bootstrap.resample(accuracies[i], random));
            }
            draws[b] = invert(sizes, curveMeans, mean(Bootstrap.resample(target, random)));
        }
        double[] interval = Bootstrap.percentiles(draws);
        return new LabelsWorth(value, interval[0], interval[1], sizes[0], sizes[sizes.length - 1], "");
    }

    private static LabelsWorth missing(String why) {
        return new LabelsWorth(Double.NaN, Double.NaN, Double.NaN, 0, 0, why);
    }

    /** The scratch configuration without its seed and data size: what a learning curve is made of. */
    private static String curveId(String specJson) {
        try {
            ObjectNode spec = (ObjectNode) JSON.readTree(specJson);
            spec.remove("seed");
            spec.remove("samplesPerClass");
            return TrialIds.sha256(JSON.writeValueAsString(spec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The labels per class at which the (monotone) scratch curve reaches {@code accuracy},
     * interpolated in log(labels); -infinity below the curve's start, +infinity above its end.
     */
    static double invert(int[] sizes, double[] means, double accuracy) {
        double[] curve = monotone(means);
        if (accuracy < curve[0]) {
            return Double.NEGATIVE_INFINITY;
        }
        if (accuracy > curve[curve.length - 1]) {
            return Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i + 1 < curve.length; i++) {
            if (accuracy <= curve[i + 1]) {
                if (curve[i + 1] == curve[i]) {
                    return sizes[i];
                }
                double t = (accuracy - curve[i]) / (curve[i + 1] - curve[i]);
                return Math.exp(Math.log(sizes[i]) + t * (Math.log(sizes[i + 1]) - Math.log(sizes[i])));
            }
        }
        return sizes[sizes.length - 1];
    }

    /** Pool-adjacent-violators: the closest non-decreasing sequence (equal weights). */
    static double[] monotone(double[] values) {
        int n = values.length;
        double[] level = new double[n];
        int[] width = new int[n];
        int blocks = 0;
        for (double v : values) {
            level[blocks] = v;
            width[blocks] = 1;
            blocks++;
            while (blocks > 1 && level[blocks - 2] > level[blocks - 1]) {
                double merged = (level[blocks - 2] * width[blocks - 2] + level[blocks - 1] * width[blocks - 1]) / (width[blocks - 2] + width[blocks - 1]);
                width[blocks - 2] += width[blocks - 1];
                level[blocks - 2] = merged;
                blocks--;
            }
        }
        double[] out = new double[n];
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < width[b]; k++) {
                out[i++] = level[b];
            }
        }
        return out;
    }

    private static double[] means(double[][] groups) {
        return Arrays.stream(groups).mapToDouble(LabelsWorth::mean).toArray();
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }
}
