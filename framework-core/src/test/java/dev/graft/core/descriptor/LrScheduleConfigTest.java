package dev.graft.core.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.plugin.Plugins;
import dev.graft.testing.TestPlugins;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LrScheduleConfigTest {
    static LrScheduleConfig of(LrScheduleConfig.Type type) {
        return new LrScheduleConfig(type, 2, 3, 0.5, 0.1, null, null, null);
    }

    @Test
    void constantAndStep() {
        assertEquals(1.0, LrScheduleConfig.CONSTANT.factor(57, 10, 100));
        LrScheduleConfig step = of(LrScheduleConfig.Type.step);
        assertEquals(1.0, step.factor(29, 10, 100), "epochs 0-2");
        assertEquals(0.5, step.factor(30, 10, 100), "epochs 3-5");
        assertEquals(0.125, step.factor(95, 10, 100), "epoch 9");
    }

    @Test
    void cosineWarmsUpLinearlyThenAnnealsToItsFloor() {
        LrScheduleConfig cosine = of(LrScheduleConfig.Type.cosine);
        assertEquals(0.05, cosine.factor(0, 10, 100), 1e-12, "warm-up over 2 epochs x 10 steps");
        assertEquals(1.0, cosine.factor(19, 10, 100), 1e-12);
        assertEquals(1.0, cosine.factor(20, 10, 100), 1e-12);
        assertEquals(0.1 + 0.9 * 0.5, cosine.factor(59, 10, 100), 0.02, "about half-way");
        assertEquals(0.1, cosine.factor(99, 10, 100), 1e-12, "ends at minFactor");
    }

    @Test
    void oneCycleRisesFromLrOverDivToLrThenFallsFarBelow() {
        LrScheduleConfig oneCycle = new LrScheduleConfig(LrScheduleConfig.Type.oneCycle, null, null, null, null, 0.25, 25.0, 1e4);
        assertEquals(1 / 25.0, oneCycle.factor(0, 10, 100), 1e-12);
        assertEquals(1.0, oneCycle.factor(25, 10, 100), 1e-12, "peak after pctStart of the steps");
        assertTrue(oneCycle.factor(60, 10, 100) < 1.0 && oneCycle.factor(60, 10, 100) > 0.0);
        assertEquals(1 / 25.0 / 1e4, oneCycle.factor(99, 10, 100), 1e-12);
    }

    @Test
    void theDescriptorNamesTheScheduleAsUsersWriteIt() {
        Plugins plugins = Plugins.of(List.of(new TestPlugins()));
        Experiment experiment = new DescriptorReader(plugins).read(Path.of("exp.yaml"), DescriptorReaderTest.VALID.replace(
                "train: {epochs: 2, batchSize: 8}", "train: {epochs: 2, batchSize: 8, optimizer: {lr: 0.01, schedule: {type: one-cycle}}}"))
                .experiment();
        assertEquals(LrScheduleConfig.Type.oneCycle, experiment.train().optimizer().schedule().type());
        DescriptorException e = org.junit.jupiter.api.Assertions.assertThrows(DescriptorException.class, () -> new DescriptorReader(plugins)
                .read(Path.of("exp.yaml"), DescriptorReaderTest.VALID.replace("train: {epochs: 2, batchSize: 8}",
                        "train: {epochs: 2, batchSize: 8, optimizer: {schedule: {type: one-cycel}}}")));
        assertTrue(e.getMessage().contains("unknown value 'one-cycel'. Did you mean 'one-cycle'? Allowed: constant, step, cosine, one-cycle"),
                e.getMessage());
    }
}
