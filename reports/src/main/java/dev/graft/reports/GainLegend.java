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
                + "interval is a 95%% anytime-valid confidence sequence (%s; Wang & Ramdas 2023), which stays valid although the "
                + "number of seeds depended on the results (docs/statistics.md). 'stopped' says why a strategy's seeds ended there.",
                rule.maxSeeds(), rule.confidenceSequence().citation());
    }

    /** @return what the sign-test column is and when to quote it */
    static String companion() {
        return "Sign test: the median gain over seeds with its 95% anytime-valid sign-test sequence (Krichevsky-Trofimov mixture), "
                + "which assumes nothing about the shape of the gains, only independent seeds; it answers 'does transfer win on the "
                + "typical seed?' and needs at least 7 seeds of one sign to decide. Where it and the gain's verdict point opposite ways "
                + "('opposite'), or a warning names skewed gains, quote the sign test (docs/statistics.md).";
    }

    /**
     * @param rule the run's decision rule
     * @return what the column of verdicts under error control means, or an empty string without control
     */
    static String control(DecisionRule rule) {
        String level = Numbers.general(rule.level()).replaceAll("0+$", "").replaceAll("\\.$", "");
        return switch (rule.control()) {
            case none -> "";
            case fwer -> "Under family-wise control at " + level + ": every strategy's interval at the Bonferroni level (" + level
                    + " over the number of strategies), so all of them cover their gains at once with probability " + percent(1 - rule.level())
                    + "; a verdict in that column is one of a set that is entirely right with that probability. Seeds were added until "
                    + "these verdicts were decided.";
            case fdr -> "Under false-discovery-rate control at " + level + ": the positive and negative verdicts are the discoveries of "
                    + "e-BH (Wang & Ramdas 2022) on e-values calibrated from each strategy's anytime-valid p-value (the Benjamini-"
                    + "Yekutieli procedure), valid under any dependence between strategies; on average at most " + level
                    + " of them are wrong. 'equivalent' there is each strategy's own verdict, not counted as a discovery. Seeds were "
                    + "added until these verdicts were decided.";
        };
    }

    /** @return the column's header, e.g. "verdict (FDR 0.05)" */
    static String controlHeader(DecisionRule rule) {
        return "verdict (" + rule.control().name().toUpperCase(Locale.ROOT) + " " + Numbers.general(rule.level()).replaceAll("0+$", "") + ")";
    }

    /**
     * @param s a strategy's summary
     * @return e.g. "+0.0200 [+0.0100, +0.0400] positive", with "(opposite)" when it and the gain's verdict point opposite ways
     */
    static String companionCell(StrategySummary s, int digits) {
        return Numbers.interval(s.companion().median(), digits) + " " + companionVerdict(s);
    }

    /**
     * @param s a strategy's summary
     * @return the sign test's verdict, e.g. "positive", with "(opposite)" when it and the gain's verdict point opposite ways
     */
    static String companionVerdict(StrategySummary s) {
        return s.companion().verdict() + (s.companion().opposite() ? " (opposite)" : "");
    }

    private static String percent(double coverage) {
        return String.format(Locale.ROOT, "%.4g%%", 100 * coverage).replaceAll("\\.?0+%$", "%");
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
