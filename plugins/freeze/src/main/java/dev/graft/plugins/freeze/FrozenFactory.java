package dev.graft.plugins.freeze;

import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.freeze.GroupState;
import java.util.Collections;

/** Feature extraction: every backbone group frozen for the whole trial; only the head trains. */
public final class FrozenFactory implements FreezeScheduleFactory<FrozenConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "frozen";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<FrozenConfig> configClass() {
        return FrozenConfig.class;
    }

    @Override
    public String description() {
        return "feature extraction: the whole backbone frozen (BatchNorm in inference mode), only the head trains";
    }

    @Override
    public FreezeSchedule create(FrozenConfig config) {
        return (groups, position) -> Collections.nCopies(groups.size(), GroupState.FROZEN);
    }
}
