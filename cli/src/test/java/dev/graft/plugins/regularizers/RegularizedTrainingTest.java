package dev.graft.plugins.regularizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.descriptor.OptimizerConfig;
import dev.graft.core.descriptor.TrainConfig;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.GroupState;
import dev.graft.testing.ScheduleProbe;
import java.util.Collections;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/** Trains the tiny test network with each regulariser and inspects what it did to the parameters. */
class RegularizedTrainingTest {
    static final FreezeSchedule FULL = (groups, position) -> Collections.nCopies(groups.size(), GroupState.TRAINING);
    static final int EPOCHS = 8;

    static TrainConfig sgd(double weightDecay) {
        return new TrainConfig(EPOCHS, ScheduleProbe.trainingExamples(),
                new OptimizerConfig(OptimizerConfig.OptimizerType.sgd, 0.1, 0.0, weightDecay, null), null);
    }

    /** Euclidean distance of a group's trainable parameters from where they started. */
    static double drift(ScheduleProbe probe, String group, boolean fromStart) {
        Map<String, float[]> start = probe.snapshots.get(0);
        Map<String, float[]> end = probe.snapshots.get(probe.snapshots.size() - 1);
        double sum = 0;
        for (String name : start.keySet()) {
            if (name.substring(2).startsWith(group) && !name.contains("running")) {
                for (int i = 0; i < start.get(name).length; i++) {
                    double d = end.get(name)[i] - (fromStart ? start.get(name)[i] : 0);
                    sum += d * d;
                }
            }
        }
        return Math.sqrt(sum);
    }

    @Test
    void l2SpKeepsTheBackboneNearItsPretrainedWeightsAndTheHeadSmall() {
        ScheduleProbe plain = ScheduleProbe.train(FULL, sgd(0));
        ScheduleProbe anchored = ScheduleProbe.train(FULL, sgd(0), new L2SpFactory().create(new L2SpConfig(2.0, 0.0)));
        ScheduleProbe shrunk = ScheduleProbe.train(FULL, sgd(0), new L2SpFactory().create(new L2SpConfig(0.0, 2.0)));
        // epoch 0 starts at the pretrained values: alpha has nothing to pull yet, so the first step is the plain one
        assertEquals(plain.stepLength(0, "g0"), anchored.stepLength(0, "g0"), 1e-6);
        for (String group : new String[] {"g0", "g1"}) {
            assertTrue(drift(anchored, group, true) < 0.8 * drift(plain, group, true),
                    group + " drifts " + drift(anchored, group, true) + " with alpha vs " + drift(plain, group, true) + " without");
        }
        assertTrue(drift(shrunk, "head", false) < 0.8 * drift(plain, "head", false),
                "head norm " + drift(shrunk, "head", false) + " with beta vs " + drift(plain, "head", false) + " without");
    }

    @Test
    void l2SpReplacesWeightDecay() {
        // with alpha = beta = 0 the penalty is zero, so the only difference left would be the decay
        ScheduleProbe decayed = ScheduleProbe.train(FULL, sgd(0.5), new L2SpFactory().create(new L2SpConfig(0.0, 0.0)));
        ScheduleProbe plain = ScheduleProbe.train(FULL, sgd(0));
        ScheduleProbe reallyDecayed = ScheduleProbe.train(FULL, sgd(0.5));
        Map<String, float[]> a = decayed.snapshots.get(EPOCHS);
        Map<String, float[]> b = plain.snapshots.get(EPOCHS);
        for (String name : a.keySet()) {
            assertArrayEquals(b.get(name), a.get(name), name);
        }
        assertFalse(java.util.Arrays.equals(reallyDecayed.snapshots.get(EPOCHS).values().iterator().next(),
                plain.snapshots.get(EPOCHS).values().iterator().next()), "weight decay does act without l2-sp");
    }

    static double smallestSingularValue(float[][] features) {
        double[][] m = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            m[i] = new double[features[i].length];
            for (int j = 0; j < features[i].length; j++) {
                m[i][j] = features[i][j];
            }
        }
        double[] sigma = new SingularValueDecomposition(new Array2DRowRealMatrix(m)).getSingularValues();
        return sigma[sigma.length - 1];
    }

    @Test
    void bssShrinksTheSmallestSingularValueOfTheFeatures() {
        ScheduleProbe plain = ScheduleProbe.train(FULL, sgd(0));
        ScheduleProbe shrunk = ScheduleProbe.train(FULL, sgd(0), new BssFactory().create(new BssConfig(1, 100.0)));
        double before = smallestSingularValue(plain.features);
        double after = smallestSingularValue(shrunk.features);
        assertTrue(after < 0.8 * before, "smallest singular value " + after + " with bss vs " + before + " without");
        // the penalty reaches the backbone through the features, not the head
        assertTrue(shrunk.changed(0, "g0", "weight"));
    }

    @Test
    void lwfTrainsTheSourceHeadAndKeepsItsOutputsNearThePretrainedOnes() {
        ScheduleProbe free = ScheduleProbe.train(FULL, sgd(0), new LwfFactory().create(new LwfConfig(0.0, 2.0)));
        ScheduleProbe distilled = ScheduleProbe.train(FULL, sgd(0), new LwfFactory().create(new LwfConfig(5.0, 2.0)));
        // without the loss the source head gets no gradient; the backbone still moves, so its outputs drift
        assertFalse(free.changed(0, "sourceHead", false));
        assertTrue(free.sourceOutputDrift > 0);
        assertTrue(distilled.changed(1, "sourceHead", false), "the source head trains under lwf");
        assertTrue(distilled.sourceOutputDrift < 0.7 * free.sourceOutputDrift,
                "source outputs drift " + distilled.sourceOutputDrift + " with lwf vs " + free.sourceOutputDrift + " without");
    }
}
