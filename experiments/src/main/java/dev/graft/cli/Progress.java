package dev.graft.cli;

import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.run.RunListener;
import dev.graft.core.sweep.Trial;
import dev.graft.core.train.EpochMetrics;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress: a progress bar on an interactive terminal, its message naming the trial
 * and its latest epoch; otherwise (CI logs, pipes) one plain line per trial, and a line for an
 * epoch when nothing was printed for {@link #QUIET_SECONDS} seconds, so that long trials show
 * they are alive without flooding the log with short ones.
 */
final class Progress implements RunListener, AutoCloseable {
    /** In plain mode, the longest silence before an epoch gets its own line. */
    static final double QUIET_SECONDS = 30;

    private final PrintWriter out;
    private final boolean interactive;
    private final LongSupplier nanoTime;
    private ProgressBar bar;
    private int total;
    private int done;
    private long lastLine;

    Progress(PrintWriter out, boolean interactive, LongSupplier nanoTime) {
        this.out = out;
        this.interactive = interactive;
        this.nanoTime = nanoTime;
        this.lastLine = nanoTime.getAsLong();
    }

    static Progress create(PrintWriter out) {
        boolean interactive = System.console() != null && System.getenv("CI") == null && !"dumb".equals(System.getenv("TERM"));
        return new Progress(out, interactive, System::nanoTime);
    }

    @Override
    public void info(String message) {
        println("graft: " + message);
    }

    @Override
    public void epochFinished(Trial trial, EpochMetrics metrics) {
        String epoch = String.format(Locale.ROOT, "epoch %d/%d%s", metrics.epoch(), trial.spec().train().epochs(),
                Double.isNaN(metrics.validationAccuracy()) ? ""
                : String.format(Locale.ROOT, ", validation accuracy %.4f", metrics.validationAccuracy()));
        if (bar != null) {
            // the epoch first: a narrow terminal cuts the message's end
            bar.setExtraMessage(epoch + " | " + describe(trial));
        } else if (!interactive && (nanoTime.getAsLong() - lastLine) / 1e9 >= QUIET_SECONDS) {
            println(String.format(Locale.ROOT, "[%d/%d running] %s: %s (%.1fs per epoch)", done + 1, total, plain(trial), epoch,
                    metrics.seconds()));
        }
    }

    /** The trial as the plain lines name it: kind, labels, data size and seed. */
    private static String plain(Trial trial) {
        return String.format(Locale.ROOT, "%s %s, %d/class, seed %d", trial.spec().kind(), trial.labels(), trial.spec().samplesPerClass(),
                trial.spec().seed());
    }

    private static String describe(Trial trial) {
        return trial.spec().kind() + " " + trial.labels() + " n=" + trial.spec().samplesPerClass();
    }

    private void println(String line) {
        out.println(line);
        out.flush();
        lastLine = nanoTime.getAsLong();
    }

    @Override
    public void roundPlanned(int total, int toRun, int seeds, int open, int strategies) {
        this.total = total;
        if (bar != null) {
            bar.maxHint(total);
        }
        info(String.format(Locale.ROOT, "round: the first %d seeds of every open strategy (%d of %d open), %d trials to run, %d planned so far",
                seeds, open, strategies, toRun, total));
    }

    @Override
    public void trialsPlanned(int total, int alreadyFinished) {
        this.total = total;
        this.done = alreadyFinished;
        info(total + " trials planned" + (alreadyFinished > 0 ? ", " + alreadyFinished + " finished by an earlier run (skipped)" : ""));
    }

    @Override
    public void trialStarted(Trial trial) {
        if (interactive && bar == null) {
            bar = new ProgressBarBuilder().setTaskName("trials").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500).build();
            bar.stepTo(done);
        }
        if (bar != null) {
            bar.setExtraMessage(describe(trial));
        }
    }

    @Override
    public void trialFinished(Trial trial, TrialRecord record) {
        done++;
        String line = String.format(Locale.ROOT, "[%d/%d] %s: %s (%.1fs)", done, total, plain(trial),
                record.status() == TrialStatus.finished
                        ? String.format(Locale.ROOT, "test accuracy %.4f, best epoch %d of %d", record.testAccuracy(), record.bestEpoch(), record.epochsRun())
                        : "FAILED: " + record.error(),
                record.trainSeconds());
        if (bar != null) {
            bar.step();
            if (record.status() == TrialStatus.failed) {
                System.err.println();
                System.err.println(line);
            }
        } else {
            println(line);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
