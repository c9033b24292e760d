package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.sweep.SweepExpander;
import dev.graft.core.sweep.Trial;
import dev.graft.core.train.EpochMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Plain progress lines (CI logs): one per trial, and one per epoch only after a long silence. */
class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void plainModePrintsAnEpochOnlyAfterThirtyQuietSeconds() {
        Plugins plugins = Plugins.discover();
        Trial trial = new SweepExpander(plugins.mapper()).expand(new DescriptorReader(plugins)
                .read(Path.of("p.yaml"), GraftCliTest.TINY).experiment()).get(0);
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        Progress progress = new Progress(new PrintWriter(text), false, now::get);
        progress.trialsPlanned(4, 0);
        progress.trialStarted(trial);

        now.addAndGet(10 * SECOND);
        progress.epochFinished(trial, epoch(1, 0.5));
        assertEquals(1, lines(text).size(), "quiet for 10 s: no epoch line yet\n" + text);

        now.addAndGet(25 * SECOND);
        progress.epochFinished(trial, epoch(2, 0.625));
        List<String> lines = lines(text);
        assertEquals(2, lines.size(), text.toString());
        assertTrue(lines.get(1).startsWith("[1/4 running] ") && lines.get(1).contains("epoch 2/")
                && lines.get(1).contains("validation accuracy 0.6250"), lines.get(1));

        // the epoch line restarts the quiet period
        now.addAndGet(29 * SECOND);
        progress.epochFinished(trial, epoch(3, 0.75));
        assertEquals(2, lines(text).size(), text.toString());
        now.addAndGet(2 * SECOND);
        progress.epochFinished(trial, epoch(4, Double.NaN));
        lines = lines(text);
        assertEquals(3, lines.size(), text.toString());
        assertTrue(lines.get(2).contains("epoch 4/") && !lines.get(2).contains("validation"), lines.get(2));
    }

    private static EpochMetrics epoch(int epoch, double validationAccuracy) {
        return new EpochMetrics(epoch, 0.1, 0.9, validationAccuracy, 0.2, 1.5, List.of());
    }

    private static List<String> lines(StringWriter text) {
        return text.toString().lines().toList();
    }
}
