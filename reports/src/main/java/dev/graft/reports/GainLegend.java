package dev.graft.reports;

import dev.graft.core.stats.DecisionRule;
import java.util.Locale;

/** The words beside a gain table, the same in every format: how its intervals were made and what each verdict means. */
final class GainLegend {
    private GainLegend() {}

    /**
     * @param rule the run's decision rule
     * @return one or two sentences on the interval
     */
    static String method(DecisionRule rule) {
        String gain = "Gain = test accuracy of the transfer trial minus that of its paired scratch baseline (same architecture, head, "
                + "augmentation, labelled sample and seed; random initialisation, every layer trained), mean over seeds. ";
        if (!rule.sequential()) {
            return gain + "Interval: paired 95% Student-t interval over a fixed number of seeds.";
        }
        return gain + String.format(Locale.ROOT, "Seeds were added to each strategy until its verdict was decided (at most %d); its "
                + "interval is a 95%% anytime-valid confidence sequence (Lai 1976; Wang & Ramdas 2023), which stays valid although the "
                + "number of seeds depended on the results (docs/statistics.md). 'stopped' says why a strategy's seeds ended there.",
                rule.maxSeeds());
    }

    /**
     * @param rule the run's decision rule
     * @return what each verdict means
     */
    static String verdicts(DecisionRule rule) {
        String equivalence = rule.equivalence() == null ? ""
                : String.format(Locale.ROOT, " equivalent: the whole interval lies within ±%s (no difference larger than that);",
                        Numbers.general(rule.equivalence()).replaceAll("0+$", "").replaceAll("\\.$", ""));
        return "positive: the interval lies above zero (transfer helped); negative: below zero (negative transfer);" + equivalence
                + " inconclusive: none of these (or fewer than two seeds).";
    }

    /**
     * @param analysis the run's analysis
     * @return whether any strategy has a worth in labels to show
     */
    static boolean showsWorth(TransferAnalysis analysis) {
        return analysis.summaries().stream().anyMatch(s -> !Double.isNaN(s.worth().value()));
    }

    /**
     * @param analysis the run's analysis
     * @return what the worth column means, or why there is none
     */
    static String worth(TransferAnalysis analysis) {
        if (!showsWorth(analysis)) {
            return "Worth in labels: not computed; it "
                    + analysis.summaries().stream().map(s -> s.worth().note()).filter(n -> !n.isEmpty()).findFirst().orElse("needs results")
                    + " (the scratch learning curve it is read from).";
        }
        return "worth: labels per class that scratch training needs to reach the transfer's mean test accuracy, read off the scratch "
                + "learning curve over the sweep's samplesPerClass (monotone, interpolated in log labels; '> N' beyond the largest size "
                + "measured), with a 95% bootstrap interval over seeds and the ratio to the labels the transfer had (Hernandez et al. 2021, "
                + "'effective data transferred').";
    }

    /**
     * @param s a strategy's summary
     * @return e.g. "37 [21, 64] (3.7×)"
     */
    static String worthCell(StrategySummary s) {
        String ratio = s.worth().ratio(s.key().samplesPerClass());
        return s.worth().textWithInterval() + (ratio.isEmpty() ? "" : " (" + ratio + ")");
    }
}
