package dev.graft.plugins.freeze;

import dev.graft.spi.GraftException;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.freeze.GroupState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Surgical fine-tuning (Lee et al. 2023, "Surgical Fine-Tuning Improves Adaptation to
 * Distribution Shifts"): one layer group trains, any one, the others stay frozen, for the whole
 * trial; the head trains as always. Lee et al. tune the first block for input-level shifts
 * (corruptions) and the last layers for output-level shifts (label shift).
 */
public final class SurgicalFactory implements FreezeScheduleFactory<SurgicalConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "surgical";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SurgicalConfig> configClass() {
        return SurgicalConfig.class;
    }

    @Override
    public String description() {
        return "surgical fine-tuning (Lee et al. 2023): only layer group `group` trains (1 = first, -1 = last), the rest stay frozen";
    }

    /** A configuration the contract and combination tests train with: group has no default. */
    @Override
    public Map<String, Object> example() {
        return Map.of("group", 1);
    }

    @Override
    public FreezeSchedule create(SurgicalConfig config) {
        GroupState training = new GroupState(true, config.lrMultiplier());
        return (groups, position) -> {
            int index = config.group() > 0 ? config.group() - 1 : groups.size() + config.group();
            if (index < 0 || index >= groups.size()) {
                throw new GraftException("surgical: group = " + config.group() + " but the backbone has " + groups.size()
                        + " layer groups " + groups + " (1.." + groups.size() + ", or -1..-" + groups.size() + " from the top)");
            }
            List<GroupState> states = new ArrayList<>(groups.size());
            for (int i = 0; i < groups.size(); i++) {
                states.add(i == index ? training : GroupState.FROZEN);
            }
            return states;
        };
    }
}
