package dev.graft.plugins.freeze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.descriptor.OptimizerConfig;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.GroupState;
import dev.graft.testing.ScheduleProbe;
import org.junit.jupiter.api.Test;

/**
 * Every schedule trained for real on the tiny two-group backbone (g0 below g1): which groups'
 * parameters changed in which epoch, whether BatchNorm statistics moved, and how big the steps were.
 */
class SchedulesInTrainingTest {
    static final OptimizerConfig ADAM = new OptimizerConfig(OptimizerConfig.OptimizerType.adam, 0.01, null, null);
    /** Plain SGD and one batch per epoch: each epoch is exactly one step of w -= lr * multiplier * grad. */
    static final OptimizerConfig SGD = new OptimizerConfig(OptimizerConfig.OptimizerType.sgd, 0.1, 0.0, null);

    static ScheduleProbe adam(FreezeSchedule schedule, int epochs) {
        return ScheduleProbe.train(schedule, epochs, ADAM, 8);
    }

    /** Checks that, epoch by epoch, each group changed exactly when its plan said it trains. */
    static void changesFollowThePlan(ScheduleProbe probe) {
        for (int epoch = 0; epoch < probe.plans.size(); epoch++) {
            for (int group = 0; group < 2; group++) {
                GroupState state = probe.plans.get(epoch).get(group);
                String name = "g" + group;
                assertEquals(state.trains(), probe.changed(epoch, name, false), name + " weights, epoch " + epoch);
                assertEquals(state.trainingMode(), probe.changed(epoch, name, true), name + " BatchNorm statistics, epoch " + epoch);
            }
            assertTrue(probe.changed(epoch, "head", false), "the head trains in epoch " + epoch);
        }
    }

    @Test
    void frozenNeverChangesTheBackbone() {
        ScheduleProbe probe = adam(new FrozenFactory().create(new FrozenConfig()), 2);
        changesFollowThePlan(probe);
        assertFalse(probe.changed(0, "g0", false) || probe.changed(1, "g1", true));
    }

    @Test
    void fullAndTopKTrainWhatTheySay() {
        changesFollowThePlan(adam(new FullFactory().create(new FullConfig(null)), 2));
        ScheduleProbe topOne = adam(new TopKFactory().create(new TopKConfig(1, null)), 2);
        changesFollowThePlan(topOne);
        assertTrue(topOne.changed(1, "g1", false) && !topOne.changed(1, "g0", false));
    }

    @Test
    void twoPhaseUnfreezesAtFrozenEpochsWithBatchNormStillInInferenceMode() {
        ScheduleProbe probe = adam(new TwoPhaseFactory().create(new TwoPhaseConfig(2, 0.1, null)), 4);
        changesFollowThePlan(probe);
        assertFalse(probe.changed(1, "g0", false), "still frozen in epoch 1");
        assertTrue(probe.changed(2, "g0", false), "unfrozen in epoch 2");
        assertFalse(probe.changed(3, "g1", true), "BatchNorm statistics stay put in phase 2");
        assertEquals(java.util.List.of(1.0, 1.0, 0.1, 0.1), probe.headMultipliers);
    }

    @Test
    void gradualUnfreezesFromTheTopDown() {
        ScheduleProbe probe = adam(new GradualFactory().create(new GradualConfig(1, null)), 3);
        changesFollowThePlan(probe);
        assertTrue(!probe.changed(0, "g1", false) && probe.changed(1, "g1", false) && !probe.changed(1, "g0", false)
                && probe.changed(2, "g0", false));
    }

    @Test
    void backboneFinetuningWaitsForUnfreezeAt() {
        ScheduleProbe probe = adam(new BackboneFinetuningFactory().create(new BackboneFinetuningConfig(2, 0.1, 1.5, null)), 3);
        changesFollowThePlan(probe);
        assertFalse(probe.changed(1, "g0", false));
        assertTrue(probe.changed(2, "g0", false) && probe.changed(2, "g1", true), "trains, BatchNorm in training mode (train_bn)");
    }

    @Test
    void discriminativeRatesScaleEachGroupsStepExactly() {
        // one SGD step each: the same schedule with decay 1 and with decay 0.25 start from the same weights
        int all = ScheduleProbe.trainingExamples();
        ScheduleProbe same = ScheduleProbe.train(new DiscriminativeFactory().create(new DiscriminativeConfig(1.0)), 1, SGD, all);
        ScheduleProbe decayed = ScheduleProbe.train(new DiscriminativeFactory().create(new DiscriminativeConfig(0.25)), 1, SGD, all);
        changesFollowThePlan(decayed);
        assertEquals(1.0, decayed.stepLength(0, "g1") / same.stepLength(0, "g1"), 1e-4, "top group at lr");
        assertEquals(0.25, decayed.stepLength(0, "g0") / same.stepLength(0, "g0"), 1e-4, "next group down at lr * decay");
        assertEquals(1.0, decayed.stepLength(0, "head") / same.stepLength(0, "head"), 1e-4);
    }

    @Test
    void backboneFinetuningRateGrowsEpochByEpoch() {
        // unfreezeAt 0, initialRatio 0.1, growth 2: the planned multipliers are 0.1, 0.2, 0.4
        ScheduleProbe probe = ScheduleProbe.train(new BackboneFinetuningFactory().create(new BackboneFinetuningConfig(0, 0.1, 2.0, false)), 3, SGD,
                ScheduleProbe.trainingExamples());
        assertEquals(java.util.List.of(0.1, 0.2, 0.4), probe.plans.stream().map(plan -> plan.get(0).lrMultiplier()).toList());
        changesFollowThePlan(probe);
    }

    @Test
    void trainBatchNormKeepsBatchNormOfFrozenGroupsLearning() {
        ScheduleProbe probe = ScheduleProbe.train(new FrozenFactory().create(new FrozenConfig()),
                new dev.graft.core.descriptor.TrainConfig(2, 8, ADAM, null, true));
        for (String group : java.util.List.of("g0", "g1")) {
            assertFalse(probe.changed(0, group, "weight"), group + ": conv weights stay frozen");
            assertFalse(probe.changed(0, group, "bias"), group + ": conv bias stays frozen");
            assertTrue(probe.changed(0, group, "gamma") && probe.changed(0, group, "beta"), group + ": BatchNorm scale and shift learn");
            assertTrue(probe.changed(0, group, true), group + ": BatchNorm statistics follow the data");
        }
    }

    @Test
    void fineTuneTrainsTheHeadFirstThenEverythingWithRatesSpreadDownwards() {
        ScheduleProbe probe = adam(new FineTuneFactory().create(new FineTuneConfig(1, 100.0, null, null)), 3);
        changesFollowThePlan(probe);
        assertFalse(probe.changed(0, "g0", false) || probe.changed(0, "g1", false), "phase 1: backbone frozen");
        assertEquals(0.01, probe.plans.get(1).get(0).lrMultiplier(), 1e-12, "lowest group at lr / lrMult");
        assertEquals(0.1, probe.plans.get(1).get(1).lrMultiplier(), 1e-12, "geometric spread up to the head's lr");
    }

    @Test
    void fineTuneReplacesTheOptimisersScheduleWithItsOwnOneCycle() {
        // first step of phase 1 runs at lr / 25; a frozen schedule's first step at lr: the head's steps differ by 25x
        int all = ScheduleProbe.trainingExamples();
        ScheduleProbe plain = ScheduleProbe.train(new FrozenFactory().create(new FrozenConfig()), 1, SGD, all);
        ScheduleProbe fineTune = ScheduleProbe.train(new FineTuneFactory().create(new FineTuneConfig(1, null, null, null)), 1, SGD, all);
        assertEquals(1 / 25.0, fineTune.stepLength(0, "head") / plain.stepLength(0, "head"), 1e-4);
    }

    @Test
    void unfreezingMidTrainingIsReproducible() {
        // regression: DJL counts Adam steps globally, in hash-map order, which made these runs differ
        FreezeSchedule twoPhase = new TwoPhaseFactory().create(new TwoPhaseConfig(1, 0.1, null));
        ScheduleProbe first = adam(twoPhase, 3);
        ScheduleProbe second = adam(twoPhase, 3);
        for (String name : first.snapshots.get(3).keySet()) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(first.snapshots.get(3).get(name), second.snapshots.get(3).get(name), name);
        }
    }
}
