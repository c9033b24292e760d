package dev.graft.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.TrialLabels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelsWorthTest {
    static final int[] SIZES = {5, 10, 50, 100};
    static final double[] CURVE = {0.5, 0.6, 0.8, 0.9};

    private static TrialRecord record(String id, String kind, int size, long seed, double accuracy, String baseline) {
        String spec = "{\"kind\":\"" + kind + "\",\"head\":\"linear\",\"samplesPerClass\":" + size + ",\"seed\":" + seed + "}";
        return new TrialRecord(id, kind, TrialLabels.of("b", "linear", kind.equals("scratch") ? "-" : "frozen", "none", "-"), size, seed, baseline,
                TrialStatus.finished, null, accuracy, accuracy, 1, 1, 1, spec, "{}", null, "t", List.of());
    }

    /** A scratch curve at 5, 10, 50 and 100 labels per class over three seeds, and transfer trials at 5 with the given accuracy. */
    private static TransferAnalysis run(double transferAccuracy, int... sizes) {
        List<TrialRecord> trials = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            for (int i = 0; i < SIZES.length; i++) {
                int size = SIZES[i];
                if (java.util.Arrays.stream(sizes).anyMatch(s -> s == size)) {
                    trials.add(record("s" + SIZES[i] + "-" + seed, "scratch", SIZES[i], seed, CURVE[i] + 0.01 * (seed - 2), null));
                }
            }
            trials.add(record("t" + seed, "transfer", 5, seed, transferAccuracy + 0.01 * (seed - 2), "s5-" + seed));
        }
        return TransferAnalysis.of(trials);
    }

    @Test
    void readsTheScratchLearningCurveInLogLabels() {
        LabelsWorth worth = run(0.7, SIZES).summaries().get(0).worth();
        // halfway between 0.6 at 10 and 0.8 at 50, in log labels: 10 * sqrt(5)
        assertEquals(10 * Math.sqrt(5), worth.value(), 1e-9);
        assertEquals("22", worth.text());
        assertEquals("4.5×", worth.ratio(5));
        assertTrue(worth.low() < worth.value() && worth.value() < worth.high(), worth.toString());
        assertTrue(worth.low() > 10 && worth.high() < 50, "three seeds with a spread of 0.01 pin it down: " + worth);
    }

    @Test
    void beyondTheMeasuredSizesItSaysSo() {
        LabelsWorth above = run(0.95, SIZES).summaries().get(0).worth();
        assertEquals("> 100", above.text());
        assertEquals("", above.ratio(5), "no ratio for a censored value");
        assertEquals("< 5", run(0.4, SIZES).summaries().get(0).worth().text());
    }

    @Test
    void aSingleSizeCannotGiveAWorthAndTheReportSaysTwoAreNeeded() {
        TransferAnalysis analysis = run(0.7, 5);
        assertTrue(Double.isNaN(analysis.summaries().get(0).worth().value()));
        assertEquals("Worth in labels: not computed; it needs scratch results at two or more samplesPerClass "
                + "(the scratch learning curve it is read from).", GainLegend.worth(analysis));
    }

    @Test
    void theCurveIsMadeMonotoneBeforeItIsRead() {
        assertArrayEquals(new double[] {0.5, 0.65, 0.65, 0.8}, LabelsWorth.monotone(new double[] {0.5, 0.7, 0.6, 0.8}), 1e-12);
        // a dip at 50 is pooled with 10: 0.7 is first reached at the pooled level's first size
        assertEquals(10, LabelsWorth.invert(new int[] {5, 10, 50, 100}, new double[] {0.5, 0.75, 0.65, 0.9}, 0.7), 1e-9);
    }
}
