package dev.graft.plugins.freeze;

import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.freeze.GroupState;
import dev.graft.spi.freeze.TrainingPosition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * fastai's {@code Learner.fine_tune}: {@code freezeEpochs} of one-cycle training with the
 * backbone frozen (peak lr, {@code pct_start} 0.99, div 25), then the base rate halves, every group
 * unfreezes and a second one-cycle ({@code pctStart}, {@code div}) runs with rates spread
 * geometrically from {@code lr / lrMult} for the lowest group to {@code lr} for the head (fastai's
 * {@code slice(lr / lr_mult, lr)}). Both cycles end at peak / (div * 1e5), as fastai's
 * {@code div_final}. The optimiser's own schedule is replaced.
 */
public final class FineTuneFactory implements FreezeScheduleFactory<FineTuneConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "fine-tune";

    static final double FIRST_PCT_START = 0.99;
    static final double FIRST_DIV = 25;
    static final double DIV_FINAL = 1e5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<FineTuneConfig> configClass() {
        return FineTuneConfig.class;
    }

    @Override
    public String description() {
        return "fastai fine_tune: one-cycle with the backbone frozen for freezeEpochs, then lr/2 one-cycle on everything, rates spread lr/lrMult..lr";
    }

    @Override
    public FreezeSchedule create(FineTuneConfig config) {
        return new FreezeSchedule() {
            @Override
            public List<GroupState> plan(List<String> groups, TrainingPosition position) {
                if (position.epoch() < config.freezeEpochs()) {
                    return Collections.nCopies(groups.size(), GroupState.FROZEN);
                }
                // fastai's even_mults over the backbone groups and the head: the head at 1, the lowest group at 1/lrMult
                int n = groups.size();
                List<GroupState> states = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    states.add(new GroupState(true, Math.pow(1 / config.lrMult(), (double) (n - i) / n)));
                }
                return states;
            }

            @Override
            public double lrFactor(TrainingPosition position, double epochFraction) {
                int total = position.totalEpochs();
                if (position.epoch() < config.freezeEpochs()) {
                    double progress = (position.epoch() + epochFraction) / Math.min(config.freezeEpochs(), total);
                    return oneCycle(progress, FIRST_PCT_START, FIRST_DIV);
                }
                int phaseEpochs = Math.max(1, total - config.freezeEpochs());
                double progress = (position.epoch() - config.freezeEpochs() + epochFraction) / phaseEpochs;
                return 0.5 * oneCycle(progress, config.pctStart(), config.div());
            }
        };
    }

    /** fastai's combined cosine: lr/div rising to 1 over pctStart, then falling to 1/(div * divFinal). */
    static double oneCycle(double progress, double pctStart, double div) {
        if (progress < pctStart) {
            return cosine(1 / div, 1, progress / pctStart);
        }
        return cosine(1, 1 / (div * DIV_FINAL), (progress - pctStart) / (1 - pctStart));
    }

    private static double cosine(double from, double to, double progress) {
        return to + (from - to) * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, Math.max(0, progress))));
    }
}
