package dev.graft.cli;

import dev.graft.core.executor.RunListener;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.store.TrialStatus;
import dev.graft.core.sweep.Trial;
import dev.graft.core.train.EpochMetrics;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress. On an interactive terminal: one bar at the bottom, for pretraining
 * (epoch k of N, time left) and then for the trials, with every finished trial's line and every
 * message printed above it and kept, as Cargo and Maven keep theirs; the bar has the terminal's
 * width less one, and its message a fixed share of it, so it never changes width. Otherwise (CI
 * logs, pipes): one plain line per trial and message, and a line for an epoch only when nothing was
 * printed for {@link #QUIET_SECONDS} seconds, so long trials show they are alive without flooding
 * the log with short ones.
 */
final class Progress implements RunListener, AutoCloseable {
    /** In plain mode, the longest silence before an epoch gets its own line. */
    static final double QUIET_SECONDS = 30;

    private final PrintWriter out;
    private final boolean interactive;
    private final LongSupplier nanoTime;
    private final Bottom bottom;
    private ProgressBar bar;
    private boolean pretraining;
    private int total;
    private int done;
    private long lastLine;

    Progress(PrintWriter out, boolean interactive, LongSupplier nanoTime, int width) {
        this.out = out;
        this.interactive = interactive;
        this.nanoTime = nanoTime;
        this.bottom = new Bottom(out, Math.max(40, width) - 1);
        this.lastLine = nanoTime.getAsLong();
    }

    static Progress create(PrintWriter out) {
        boolean interactive = System.console() != null && System.getenv("CI") == null && !"dumb".equals(System.getenv("TERM"));
        // the width the progress bar library finds for this terminal (JLine), 80 when it cannot tell
        int width = interactive ? new ConsoleProgressBarConsumer(System.out).getMaxRenderedLength() : 80;
        return new Progress(out, interactive, System::nanoTime, width > 0 ? width : 80);
    }

    /**
     * The terminal's last line, where the bar is drawn: everything else is printed above it, and
     * the bar is drawn again below.
     */
    static final class Bottom implements ProgressBarConsumer {
        private final PrintWriter out;
        private final int width;
        private String shown;

        Bottom(PrintWriter out, int width) {
            this.out = out;
            this.width = width;
        }

        @Override
        public int getMaxRenderedLength() {
            return width;
        }

        @Override
        public synchronized void accept(String rendered) {
            String line = rendered.length() > width ? rendered.substring(0, width) : rendered;
            out.print("\r" + line + " ".repeat(width - line.length()));
            out.flush();
            shown = line;
        }

        /** Prints {@code line} on its own line above the bar, which is drawn again below it. */
        synchronized void above(String line) {
            if (shown != null) {
                out.print("\r" + " ".repeat(width) + "\r");
            }
            out.println(line);
            if (shown != null) {
                out.print(shown + " ".repeat(width - shown.length()));
            }
            out.flush();
        }

        @Override
        public synchronized void clear() {
            if (shown != null) {
                out.print("\r" + " ".repeat(width) + "\r");
                out.flush();
                shown = null;
            }
        }

        @Override
        public void close() {
            clear();
        }
    }

    private ProgressBar bar(String task, long max) {
        closeBar();
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setConsumer(bottom).build();
        return bar;
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** A message of the bar's fixed share of the width: cut, or padded, so the bar keeps its width. */
    private String message(String text) {
        int room = bottom.width * 2 / 5;
        return text.length() > room ? text.substring(0, room - 1) + "…" : text + " ".repeat(room - text.length());
    }

    private void println(String line) {
        if (interactive) {
            bottom.above(line);
        } else {
            out.println(line);
            out.flush();
        }
        lastLine = nanoTime.getAsLong();
    }

    @Override
    public void info(String message) {
        println("graft: " + message);
    }

    @Override
    public void pretrainingStarted(String backbone, int epochs) {
        pretraining = true;
        if (interactive) {
            bar("pretrain " + backbone, epochs).setExtraMessage(message(""));
        }
    }

    @Override
    public void pretrainingEpoch(String backbone, EpochMetrics metrics, int epochs) {
        println(String.format(Locale.ROOT, "graft:   pretrain epoch %d/%d: loss %.4f, train accuracy %.4f, validation accuracy %.4f (%.1fs)",
                metrics.epoch(), epochs, metrics.trainLoss(), metrics.trainAccuracy(), metrics.validationAccuracy(), metrics.seconds()));
        if (bar != null) {
            bar.stepTo(metrics.epoch());
        }
    }

    @Override
    public void pretrainingFinished(String backbone) {
        pretraining = false;
        closeBar();
    }

    @Override
    public void epochFinished(Trial trial, EpochMetrics metrics) {
        String epoch = String.format(Locale.ROOT, "epoch %d/%d%s", metrics.epoch(), trial.spec().train().epochs(),
                Double.isNaN(metrics.validationAccuracy()) ? ""
                : String.format(Locale.ROOT, ", validation accuracy %.4f", metrics.validationAccuracy()));
        if (bar != null && !pretraining) {
            // the epoch first, compact: a message is cut at its end
            bar.setExtraMessage(message(String.format(Locale.ROOT, "ep %d/%d%s | %s", metrics.epoch(), trial.spec().train().epochs(),
                    Double.isNaN(metrics.validationAccuracy()) ? "" : String.format(Locale.ROOT, " val %.3f", metrics.validationAccuracy()),
                    describe(trial))));
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
        return trial.spec().kind() + " " + trial.labels() + " n=" + trial.spec().samplesPerClass() + " seed " + trial.spec().seed();
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
        if (interactive && (bar == null || pretraining)) {
            pretraining = false;
            bar("trials", total).stepTo(done);
        }
        if (bar != null) {
            bar.setExtraMessage(message(describe(trial)));
        }
    }

    @Override
    public void trialFinished(Trial trial, TrialRecord record) {
        done++;
        println(String.format(Locale.ROOT, "[%d/%d] %s: %s (%.1fs)", done, total, plain(trial),
                record.status() == TrialStatus.finished
                        ? String.format(Locale.ROOT, "test accuracy %.4f, best epoch %d of %d", record.testAccuracy(), record.bestEpoch(), record.epochsRun())
                        : "FAILED: " + record.error(),
                record.trainSeconds()));
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        closeBar();
    }
}
