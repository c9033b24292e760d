package dev.graft.core.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import dev.graft.core.descriptor.LrScheduleConfig;
import dev.graft.core.descriptor.OptimizerConfig;
import dev.graft.core.descriptor.TrainConfig;
import dev.graft.core.trial.BuiltBackbone;
import dev.graft.spi.GraftException;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.GroupState;
import dev.graft.spi.freeze.TrainingPosition;
import dev.graft.spi.train.LossStep;
import dev.graft.spi.train.TrainingHook;
import dev.graft.spi.train.UpdateRule;
import dev.graft.testing.TestPlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trial interrupted after some epochs and resumed from its checkpoint ends with exactly the
 * weights and metrics of an uninterrupted one, under a schedule that unfreezes mid-way, a warm-up
 * cosine learning rate, Adam, dropout and random augmentation; and the resumed attempt trains only
 * the epochs the checkpoint did not hold.
 */
class CheckpointResumeTest {
    static final int EPOCHS = 8;
    static final TrainConfig CONFIG = new TrainConfig(EPOCHS, 8, new OptimizerConfig(OptimizerConfig.OptimizerType.adam, 0.01, null, null,
            new LrScheduleConfig(LrScheduleConfig.Type.cosine, 3, null, null, null, null, null, null)), null);

    @TempDir
    Path dir;

    /** Head only for 3 epochs, then g1, then everything at half rate from epoch 5; with a rate plan of its own when asked. */
    record Unfreezing(List<Integer> epochsPlanned, boolean ownRate) implements FreezeSchedule {
        Unfreezing(List<Integer> epochsPlanned) {
            this(epochsPlanned, false);
        }

        @Override
        public double lrFactor(TrainingPosition position, double epochFraction) {
            return ownRate ? 1.0 - (position.epoch() + epochFraction) / position.totalEpochs() : Double.NaN;
        }

        @Override
        public List<GroupState> plan(List<String> groups, TrainingPosition position) {
            epochsPlanned.add(position.epoch());
            GroupState g0 = position.epoch() >= 5 ? new GroupState(true, 0.5) : GroupState.FROZEN;
            GroupState g1 = position.epoch() >= 3 ? new GroupState(true, 0.5) : GroupState.FROZEN;
            return List.of(g0, g1);
        }
    }

    record Run(byte[] weights, TrainingOutcome outcome, List<Integer> epochsPlanned, List<EpochMetrics> told) {}

    /** Adam written as a contributed update rule: two state arrays and the parameter's own step count. */
    static final UpdateRule RULE_ADAM = new UpdateRule() {
        @Override
        public float learningRate() {
            return 0.01f;
        }

        @Override
        public int stateArrays() {
            return 2;
        }

        @Override
        public void update(NDArray weight, NDArray gradient, NDArray[] state, float learningRate, boolean weightDecay, int step) {
            state[0].muli(0.9f).addi(gradient.mul(0.1f));
            state[1].muli(0.999f).addi(gradient.square().muli(0.001f));
            double correction1 = 1 - Math.pow(0.9, step);
            double correction2 = Math.sqrt(1 - Math.pow(0.999, step));
            weight.subi(state[0].div(state[1].sqrt().divi((float) correction2).addi(1e-8f)).muli((float) (learningRate / correction1)));
        }
    };

    static Run train(Path checkpoint, String key, int failAfterEpoch) {
        return train(checkpoint, key, failAfterEpoch, Map.of());
    }

    static Run train(Path checkpoint, String key, int failAfterEpoch, Map<String, TrainingHook> hooks) {
        return train(checkpoint, key, failAfterEpoch, hooks, new Unfreezing(new ArrayList<>()));
    }

    static Run train(Path checkpoint, String key, int failAfterEpoch, Map<String, TrainingHook> hooks, Unfreezing schedule) {
        Engine.getInstance().setRandomSeed(5);
        try (Model model = Model.newInstance("resume")) {
            BuiltBackbone built = BuiltBackbone.build(NetworkTrainerTest.COMPONENTS, new TestPlugins.TinyConfig(null),
                    NetworkTrainerTest.DATA.train(), model.getNDManager(), null);
            SequentialBlock head = new SequentialBlock().add(Dropout.builder().optRate(0.5f).build()).add(Linear.builder().setUnits(4).build());
            GroupedNetwork network = built.withHead(head, model.getNDManager());
            model.setBlock(network);
            List<EpochMetrics> told = new ArrayList<>();
            NetworkTrainer trainer = new NetworkTrainer(CONFIG, schedule, new TestPlugins.Invert().create(new TestPlugins.InvertConfig()),
                    built.backbone().inputSpec(), 17).withHooks(hooks);
            if (checkpoint != null) {
                trainer.checkpointTo(checkpoint, key);
            }
            TrainingOutcome outcome = trainer.train(model, NetworkTrainerTest.DATA.train(), NetworkTrainerTest.DATA.validation(), metrics -> {
                told.add(metrics);
                if (metrics.epoch() == failAfterEpoch) {
                    throw new IllegalStateException("simulated crash after epoch " + failAfterEpoch);
                }
            });
            return new Run(network.saveAll(), outcome, schedule.epochsPlanned(), told);
        }
    }

    static void assertSameTraining(Run expected, Run actual) {
        assertArrayEquals(expected.weights(), actual.weights(), "final weights");
        assertEquals(expected.outcome().bestEpoch(), actual.outcome().bestEpoch());
        assertEquals(expected.outcome().parameters(), actual.outcome().parameters(), "what trained and changed, restored epochs included");
        assertEquals(expected.outcome().epochs().size(), actual.outcome().epochs().size());
        for (int i = 0; i < expected.outcome().epochs().size(); i++) {
            EpochMetrics a = expected.outcome().epochs().get(i);
            EpochMetrics b = actual.outcome().epochs().get(i);
            assertEquals(List.of(a.trainLoss(), a.trainAccuracy(), a.validationAccuracy(), a.validationLoss()),
                    List.of(b.trainLoss(), b.trainAccuracy(), b.validationAccuracy(), b.validationLoss()), "epoch " + (i + 1));
            assertEquals(a.trainingGroups(), b.trainingGroups(), "epoch " + (i + 1));
        }
    }

    @Test
    void aResumedTrialEndsWhereAnUninterruptedOneEnds() {
        Run uninterrupted = train(null, "t", -1);
        Path checkpoint = dir.resolve("checkpoint.bin");
        // crash at epoch 6's bookkeeping: the last checkpoint holds epochs 1-5 (g1 unfrozen in epoch 4;
        // g0 unfreezes in epoch 6, after the resume)
        assertThrows(IllegalStateException.class, () -> train(checkpoint, "t", 6));
        assertTrue(Files.exists(checkpoint));
        TrialCheckpoint saved = TrialCheckpoint.read(checkpoint, "t").orElseThrow();
        assertEquals(5, saved.epochsDone());
        assertEquals(List.of(0.0, 0.5, 1.0), List.copyOf(saved.groupMultipliers().values()), "freeze state: g0, g1, head");
        assertEquals(List.of("g1"), saved.epochs().get(4).trainingGroups());

        Run resumed = train(checkpoint, "t", -1);
        assertEquals(List.of(5, 6, 7), resumed.epochsPlanned(), "only the epochs the checkpoint did not hold train");
        assertEquals(EPOCHS, resumed.told().size(), "the restored epochs are reported first");
        assertSameTraining(uninterrupted, resumed);

        // writing checkpoints does not change training either
        assertSameTraining(uninterrupted, train(dir.resolve("other.bin"), "t", -1));
    }

    @Test
    void aContributedUpdateRuleResumesExactlyToo() {
        Map<String, TrainingHook> hooks = Map.of("optimizer", new TrainingHook() {
            @Override
            public UpdateRule updateRule() {
                return RULE_ADAM;
            }
        });
        Run uninterrupted = train(null, "r", -1, hooks);
        Run builtIn = train(null, "r", -1);
        assertFalse(java.util.Arrays.equals(uninterrupted.weights(), builtIn.weights()), "the rule, not train.optimizer, trained");
        // the rule is Adam with train.optimizer's settings (eps placed as PyTorch places it), so
        // the two trainings agree closely: the rule got the same gradients, rates and schedule
        for (int i = 0; i < EPOCHS; i++) {
            double ruleLoss = uninterrupted.outcome().epochs().get(i).trainLoss();
            double adamLoss = builtIn.outcome().epochs().get(i).trainLoss();
            assertEquals(adamLoss, ruleLoss, 1e-4 * Math.abs(adamLoss), "training loss of epoch " + (i + 1));
        }
        Path checkpoint = dir.resolve("rule.bin");
        assertThrows(IllegalStateException.class, () -> train(checkpoint, "r", 6, hooks));
        assertEquals(2, TrialCheckpoint.read(checkpoint, "r").orElseThrow().optimizer().values().size(), "the rule's two state arrays");
        assertSameTraining(uninterrupted, train(dir.resolve("rule2.bin"), "r", -1, hooks));
        Run resumed = train(checkpoint, "r", -1, hooks);
        assertEquals(List.of(5, 6, 7), resumed.epochsPlanned());
        assertSameTraining(uninterrupted, resumed);
    }

    @Test
    void aHookSchedulesTheLearningRateInsteadOfTheDescriptor() {
        Run descriptor = train(null, "s", -1);
        // a hook giving the descriptor's own cosine schedule trains exactly as without hooks
        Run same = train(null, "s", -1, Map.of("schedule", new TrainingHook() {
            @Override
            public double learningRateFactor(long step, long stepsPerEpoch, long totalSteps) {
                return CONFIG.optimizer().schedule().factor(step, stepsPerEpoch, totalSteps);
            }
        }));
        assertSameTraining(descriptor, same);
        // a constant factor replaces the schedule
        Run constant = train(null, "s", -1, Map.of("schedule", new TrainingHook() {
            @Override
            public double learningRateFactor(long step, long stepsPerEpoch, long totalSteps) {
                return 1.0;
            }
        }));
        assertFalse(java.util.Arrays.equals(descriptor.weights(), constant.weights()), "the hook's factor was used");
    }

    @Test
    void hooksHearEveryStepAndEpochAndOneCanEndTheTraining() {
        Run plain = train(null, "h", -1);
        List<dev.graft.spi.train.StepReport> steps = new ArrayList<>();
        List<dev.graft.spi.train.EpochReport> epochs = new ArrayList<>();
        TrainingHook listening = new TrainingHook() {
            @Override
            public void stepTaken(dev.graft.spi.train.StepReport report) {
                steps.add(report);
            }

            @Override
            public boolean stopAfter(dev.graft.spi.train.EpochReport report) {
                epochs.add(report);
                return false;
            }
        };
        // a hook that only listens changes nothing
        assertSameTraining(plain, train(null, "h", -1, Map.of("listener", listening)));
        assertEquals(EPOCHS, epochs.size());
        assertEquals(plain.outcome().epochs().get(4).validationLoss(), epochs.get(4).validationLoss(), 0.0);
        int stepsPerEpoch = (NetworkTrainerTest.DATA.train().size() + CONFIG.batchSize() - 1) / CONFIG.batchSize();
        assertEquals(EPOCHS * stepsPerEpoch, steps.size());
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(i, steps.get(i).step());
            assertEquals(i / stepsPerEpoch, steps.get(i).epoch());
            assertEquals(i % stepsPerEpoch, steps.get(i).batch());
        }
        // the mean of an epoch's step losses is the epoch's training loss
        double sum = 0;
        for (int b = 0; b < stepsPerEpoch; b++) {
            sum += steps.get(2 * stepsPerEpoch + b).loss();
        }
        assertEquals(plain.outcome().epochs().get(2).trainLoss(), sum / stepsPerEpoch, 1e-9);

        // a hook that ends the training after epoch 3: three epochs, recorded as stopped early,
        // with the best of them kept, as early stopping does
        TrainingHook stopping = new TrainingHook() {
            @Override
            public boolean stopAfter(dev.graft.spi.train.EpochReport report) {
                return report.epoch() == 3;
            }
        };
        Run stopped = train(null, "h", -1, Map.of("stopper", stopping));
        assertEquals(3, stopped.outcome().epochs().size());
        assertTrue(stopped.outcome().stoppedEarly());
        for (int e = 0; e < 3; e++) {
            assertEquals(plain.outcome().epochs().get(e).trainLoss(), stopped.outcome().epochs().get(e).trainLoss(), 0.0);
        }
        assertTrue(stopped.outcome().bestEpoch() <= 3);

        // a hook that throws fails the training with its message
        TrainingHook failing = new TrainingHook() {
            @Override
            public void stepTaken(dev.graft.spi.train.StepReport report) {
                if (report.step() == 5) {
                    throw new GraftException("hook saw enough");
                }
            }
        };
        assertEquals("hook saw enough", assertThrows(GraftException.class, () -> train(null, "h", -1, Map.of("failing", failing))).getMessage());
    }

    @Test
    void aHookAddsATermToTheLossThatTheGradientsFollow() {
        Run plain = train(null, "l", -1);
        // a constant term: reported in every step's loss, no gradient, the same weights
        TrainingHook constant = new TrainingHook() {
            @Override
            public NDArray lossTerm(LossStep step) {
                return step.manager().create(0.25f);
            }
        };
        Run shifted = train(null, "l", -1, Map.of("constant", constant));
        assertArrayEquals(plain.weights(), shifted.weights(), "a constant has no gradient");
        for (int e = 0; e < EPOCHS; e++) {
            assertEquals(plain.outcome().epochs().get(e).trainLoss() + 0.25, shifted.outcome().epochs().get(e).trainLoss(), 1e-6);
        }
        // a penalty on the logits (logit squeezing): its gradient moves the weights
        TrainingHook squeeze = new TrainingHook() {
            @Override
            public NDArray lossTerm(LossStep step) {
                assertEquals(step.labels().getShape().get(0), step.logits().getShape().get(0));
                return step.logits().square().mean().mul(0.5f);
            }
        };
        Run squeezed = train(null, "l", -1, Map.of("squeeze", squeeze));
        assertFalse(java.util.Arrays.equals(plain.weights(), squeezed.weights()), "the term's gradient reached the weights");
    }

    @Test
    void twoSchedulesForOneTrialFailNamingBoth() {
        TrainingHook constant = new TrainingHook() {
            @Override
            public double learningRateFactor(long step, long stepsPerEpoch, long totalSteps) {
                return 1.0;
            }
        };
        Map<String, TrainingHook> hooks = new java.util.LinkedHashMap<>();
        hooks.put("schedule", constant);
        hooks.put("other", constant);
        GraftException two = assertThrows(GraftException.class, () -> train(null, "s", -1, hooks));
        assertTrue(two.getMessage().contains("'schedule'") && two.getMessage().contains("'other'"), two.getMessage());
        // a freeze schedule with its own rate plan (fine-tune's one-cycle) and a schedule hook
        GraftException own = assertThrows(GraftException.class,
                () -> train(null, "s", -1, Map.of("schedule", constant), new Unfreezing(new ArrayList<>(), true)));
        assertTrue(own.getMessage().contains("freeze schedule") && own.getMessage().contains("'schedule'"), own.getMessage());
        // without the hook, the freeze schedule's own plan is used, not the descriptor's
        Run owned = train(null, "s", -1, Map.of(), new Unfreezing(new ArrayList<>(), true));
        assertFalse(java.util.Arrays.equals(train(null, "s", -1).weights(), owned.weights()), "the freeze schedule's factor was used");
    }

    @Test
    void twoHooksGivingAnUpdateRuleFailNamingBoth() {
        TrainingHook rule = new TrainingHook() {
            @Override
            public UpdateRule updateRule() {
                return RULE_ADAM;
            }
        };
        Map<String, TrainingHook> hooks = new java.util.LinkedHashMap<>();
        hooks.put("optimizer", rule);
        hooks.put("other", rule);
        GraftException e = assertThrows(GraftException.class, () -> train(null, "r", -1, hooks));
        assertTrue(e.getMessage().contains("'optimizer'") && e.getMessage().contains("'other'"), e.getMessage());
    }

    @Test
    void aCheckpointOfAnotherTrialOrATornOneIsIgnored() throws Exception {
        Run uninterrupted = train(null, "t", -1);
        Path checkpoint = dir.resolve("checkpoint.bin");
        assertThrows(IllegalStateException.class, () -> train(checkpoint, "other", 4));
        Run fresh = train(checkpoint, "t", -1);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), fresh.epochsPlanned());
        assertSameTraining(uninterrupted, fresh);

        byte[] bytes = Files.readAllBytes(checkpoint);
        Files.write(checkpoint, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(TrialCheckpoint.read(checkpoint, "t").isEmpty());
        assertSameTraining(uninterrupted, train(checkpoint, "t", -1));
    }

    @Test
    void noShapeIsLostInTheOptimizerState() {
        Path checkpoint = dir.resolve("checkpoint.bin");
        assertThrows(IllegalStateException.class, () -> train(checkpoint, "t", 7));
        TrialCheckpoint saved = TrialCheckpoint.read(checkpoint, "t").orElseThrow();
        assertEquals(2, saved.optimizer().values().size(), "Adam's two moments");
        saved.optimizer().values().get(0).forEach((name, values) ->
                assertEquals(new Shape(saved.optimizer().shapes().get(0).get(name)).size(), values.length, name));
        assertTrue(saved.optimizer().steps().values().stream().allMatch(s -> s > 0));
    }
}
