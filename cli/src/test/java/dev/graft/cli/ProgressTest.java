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

/**
 * Plain progress lines (CI logs): one per trial, and one per epoch only after a long silence; on a
 * terminal, lines kept above a bar of fixed width.
 */
class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void plainModePrintsAnEpochOnlyAfterThirtyQuietSeconds() {
        Plugins plugins = Plugins.discover();
        Trial trial = new SweepExpander(plugins.mapper()).expand(new DescriptorReader(plugins)
                .read(Path.of("p.yaml"), GraftCliTest.TINY).experiment()).get(0);
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        Progress progress = new Progress(new PrintWriter(text), false, now::get, 80);
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

    /** Everything is printed above the bar and kept; the bar is drawn again below, always the same width. */
    @Test
    void onATerminalLinesStayAboveABarOfFixedWidth() throws InterruptedException {
        StringWriter text = new StringWriter();
        Progress.Bottom bottom = new Progress.Bottom(new PrintWriter(text), 30);
        bottom.accept("trials 10% [=>   ] 1/10");
        bottom.above("[1/10] scratch ...: test accuracy 0.5");
        bottom.accept("trials 20% [==>  ] 2/10 and a message too long for the line");
        bottom.close();
        String blank = " ".repeat(30);
        String first = "trials 10% [=>   ] 1/10" + " ".repeat(30 - 23);
        assertEquals("\r" + first + "\r" + blank + "\r" + "[1/10] scratch ...: test accuracy 0.5" + System.lineSeparator()
                + first + "\rtrials 20% [==>  ] 2/10 and a " + "\r" + blank + "\r", text.toString());

        // a whole run's worth of calls on a terminal 100 columns wide: every drawing of the bar is 99 wide
        Plugins plugins = Plugins.discover();
        List<Trial> trials = new SweepExpander(plugins.mapper()).expand(new DescriptorReader(plugins)
                .read(Path.of("p.yaml"), GraftCliTest.TINY).experiment());
        StringWriter terminal = new StringWriter();
        try (Progress progress = new Progress(new PrintWriter(terminal), true, System::nanoTime, 100)) {
            progress.pretrainingStarted("convnet", 2);
            progress.pretrainingEpoch("convnet", epoch(1, 0.5), 2);
            Thread.sleep(700);
            progress.pretrainingFinished("convnet");
            progress.trialsPlanned(trials.size(), 0);
            for (Trial trial : trials) {
                progress.trialStarted(trial);
                progress.epochFinished(trial, epoch(1, 0.5));
                Thread.sleep(300);
                progress.trialFinished(trial, new dev.graft.core.store.TrialRecord(trial.id(), "transfer", dev.graft.core.sweep.TrialLabels.of("b", "h", "f", "none", "none"), 5,
                        1, null, dev.graft.core.store.TrialStatus.finished, null, 0.75, 0.7, 1, 1, 0.1, "{}", "{}", null, "t", List.of()));
            }
        }
        List<String> kept = java.util.Arrays.stream(terminal.toString().split("\r|\n")).map(String::strip).filter(l -> l.startsWith("[")
                || l.startsWith("graft:")).toList();
        assertEquals(trials.size() + 2, kept.size(), "one pretraining epoch, the plan and every trial are kept: " + kept);
        for (String drawn : terminal.toString().split("\r")) {
            String line = drawn.split("\n")[0];
            if (line.startsWith("pretrain") || line.startsWith("trials")) {
                assertEquals(99, line.length(), "bar drawn at another width: '" + line + "'");
            }
        }
    }
}
