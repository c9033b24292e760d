package dev.graft.plugins.freeze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.GraftException;
import dev.graft.spi.freeze.GroupState;
import dev.graft.spi.freeze.TrainingPosition;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreezeSchedulesTest {
    static final List<String> GROUPS = List.of("block1", "block2", "block3");
    static final TrainingPosition START = new TrainingPosition(0, 10);

    @Test
    void frozenFreezesEveryGroupAndFullTrainsEveryGroup() {
        assertEquals(List.of(GroupState.FROZEN, GroupState.FROZEN, GroupState.FROZEN),
                new FrozenFactory().create(new FrozenConfig()).plan(GROUPS, START));
        GroupState slow = new GroupState(true, 0.1);
        assertEquals(List.of(slow, slow, slow), new FullFactory().create(new FullConfig(0.1)).plan(GROUPS, new TrainingPosition(9, 10)));
    }

    @Test
    void topKTrainsTheTopGroupsOnly() {
        assertEquals(List.of(GroupState.FROZEN, GroupState.TRAINING, GroupState.TRAINING),
                new TopKFactory().create(new TopKConfig(2, null)).plan(GROUPS, START));
        assertEquals(List.of(GroupState.FROZEN, GroupState.FROZEN, GroupState.FROZEN),
                new TopKFactory().create(new TopKConfig(0, null)).plan(GROUPS, START));
        GraftException e = assertThrows(GraftException.class, () -> new TopKFactory().create(new TopKConfig(4, null)).plan(GROUPS, START));
        assertEquals("top-k: k = 4 but the backbone has only 3 layer groups [block1, block2, block3]", e.getMessage());
    }

    @Test
    void surgicalTrainsTheOneGroupItNamesFromEitherEnd() {
        assertEquals(List.of(GroupState.TRAINING, GroupState.FROZEN, GroupState.FROZEN),
                new SurgicalFactory().create(new SurgicalConfig(1, null)).plan(GROUPS, START), "the first block: input-level shift");
        assertEquals(List.of(GroupState.FROZEN, new GroupState(true, 0.1), GroupState.FROZEN),
                new SurgicalFactory().create(new SurgicalConfig(2, 0.1)).plan(GROUPS, epoch(29)));
        assertEquals(List.of(GroupState.FROZEN, GroupState.FROZEN, GroupState.TRAINING),
                new SurgicalFactory().create(new SurgicalConfig(-1, null)).plan(GROUPS, START), "the last block");
        assertEquals(List.of(GroupState.TRAINING, GroupState.FROZEN, GroupState.FROZEN),
                new SurgicalFactory().create(new SurgicalConfig(-3, null)).plan(GROUPS, START));
        GraftException e = assertThrows(GraftException.class, () -> new SurgicalFactory().create(new SurgicalConfig(4, null)).plan(GROUPS, START));
        assertEquals("surgical: group = 4 but the backbone has 3 layer groups [block1, block2, block3] (1..3, or -1..-3 from the top)", e.getMessage());
        assertThrows(GraftException.class, () -> new SurgicalFactory().create(new SurgicalConfig(-4, null)).plan(GROUPS, START));
    }

    static TrainingPosition epoch(int e) {
        return new TrainingPosition(e, 30);
    }

    @Test
    void twoPhaseFreezesThenTrainsEverythingAtTheScaledRateWithBatchNormInInferenceMode() {
        var schedule = new TwoPhaseFactory().create(new TwoPhaseConfig(2, 0.01, null));
        assertEquals(List.of(GroupState.FROZEN, GroupState.FROZEN, GroupState.FROZEN), schedule.plan(GROUPS, epoch(1)));
        assertEquals(1.0, schedule.headLrMultiplier(epoch(1)));
        GroupState unfrozen = new GroupState(true, 0.01, false);
        assertEquals(List.of(unfrozen, unfrozen, unfrozen), schedule.plan(GROUPS, epoch(2)));
        assertEquals(0.01, schedule.headLrMultiplier(epoch(2)), "phase 2 lowers the head's rate too");
        var trainBn = new TwoPhaseFactory().create(new TwoPhaseConfig(2, 0.01, true));
        assertTrue(trainBn.plan(GROUPS, epoch(5)).get(0).trainingMode());
    }

    @Test
    void gradualUnfreezesOneGroupFromTheTopEveryEpochs() {
        var schedule = new GradualFactory().create(new GradualConfig(2, null));
        assertEquals(List.of(false, false, false), trains(schedule.plan(GROUPS, epoch(1))));
        assertEquals(List.of(false, false, true), trains(schedule.plan(GROUPS, epoch(2))));
        assertEquals(List.of(false, true, true), trains(schedule.plan(GROUPS, epoch(5))));
        assertEquals(List.of(true, true, true), trains(schedule.plan(GROUPS, epoch(29))));
        var ulmfit = new GradualFactory().create(new GradualConfig(1, 0.5));
        assertEquals(List.of(GroupState.FROZEN, new GroupState(true, 0.5), new GroupState(true, 1.0)), ulmfit.plan(GROUPS, epoch(2)));
    }

    @Test
    void discriminativeDecaysTheRateDownFromTheTop() {
        List<GroupState> plan = new DiscriminativeFactory().create(new DiscriminativeConfig(null)).plan(GROUPS, epoch(0));
        assertEquals(1.0, plan.get(2).lrMultiplier(), 1e-12);
        assertEquals(1 / 2.6, plan.get(1).lrMultiplier(), 1e-12);
        assertEquals(1 / (2.6 * 2.6), plan.get(0).lrMultiplier(), 1e-12);
        assertTrue(plan.stream().allMatch(GroupState::trains));
    }

    /**
     * timm's param_groups_layer_decay for a ViT of depth 2 (layer ids: embedding 0, blocks 1 and 2,
     * head 3 = num_layers, scale decay^(num_layers - id)) on the three groups embedding, block,
     * block: decay^3, decay^2, decay^1, and the head at the base rate.
     */
    @Test
    void layerDecayIsTimmsLayerDecay() {
        List<GroupState> plan = new LayerDecayFactory().create(new LayerDecayConfig(null)).plan(GROUPS, epoch(0));
        assertEquals(List.of(0.421875, 0.5625, 0.75), plan.stream().map(GroupState::lrMultiplier).toList());
        assertTrue(plan.stream().allMatch(GroupState::trains));
        assertEquals(1.0, new LayerDecayFactory().create(new LayerDecayConfig(0.5)).headLrMultiplier(epoch(0)));
    }

    @Test
    void backboneFinetuningFollowsLightningsCallback() {
        var schedule = new BackboneFinetuningFactory().create(new BackboneFinetuningConfig(3, 0.1, 2.0, null));
        assertEquals(GroupState.FROZEN, schedule.plan(GROUPS, epoch(2)).get(0));
        assertEquals(new GroupState(true, 0.1, true), schedule.plan(GROUPS, epoch(3)).get(0));
        assertEquals(0.4, schedule.plan(GROUPS, epoch(5)).get(1).lrMultiplier(), 1e-12);
        assertEquals(1.0, schedule.plan(GROUPS, epoch(9)).get(2).lrMultiplier(), "capped at the head's rate");
    }

    private static List<Boolean> trains(List<GroupState> plan) {
        return plan.stream().map(GroupState::trains).toList();
    }

    @Test
    void fineTuneFollowsFastaisOneCycles() {
        var schedule = new FineTuneFactory().create(new FineTuneConfig(2, 100.0, 0.3, 5.0));
        TrainingPosition first = new TrainingPosition(0, 12);
        assertEquals(1 / 25.0, schedule.lrFactor(first, 0), 1e-12, "phase 1 starts at lr / 25");
        assertEquals(0.5 / 5.0, schedule.lrFactor(new TrainingPosition(2, 12), 0), 1e-12, "phase 2 starts at lr / 2 / div");
        assertEquals(0.5, schedule.lrFactor(new TrainingPosition(5, 12), 0), 1e-12, "and peaks at lr / 2 after pctStart of its 10 epochs");
        assertTrue(schedule.lrFactor(new TrainingPosition(11, 12), 0.99) < 1e-3, "then anneals to nearly nothing");
        assertEquals(List.of(GroupState.FROZEN, GroupState.FROZEN, GroupState.FROZEN), schedule.plan(GROUPS, first));
        List<GroupState> phase2 = schedule.plan(GROUPS, new TrainingPosition(2, 12));
        assertEquals(0.01, phase2.get(0).lrMultiplier(), 1e-12);
        assertEquals(Math.pow(0.01, 1 / 3.0), phase2.get(2).lrMultiplier(), 1e-12);
    }
}
