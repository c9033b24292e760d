package dev.graft.plugins.freeze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
