package dev.graft.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.GraftModule;
import dev.graft.spi.freeze.FreezeConfig;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.freeze.GroupState;
import dev.graft.testkit.PluginCombinations;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test kit's {@link PluginCombinations}, trained by this module: a freeze schedule from outside
 * Graft trains with every installed head, augmenter, regulariser, optimiser and rate schedule
 * (and a feature head fails beside it with the documented message), and a schedule that breaks
 * in its second epoch is caught in every combination, each named.
 */
class CombinationTrainerTest {
    /** No parameters. */
    public record Config() implements FreezeConfig {}

    /** Every group trains from the first epoch; in its second, the broken one throws. */
    public static final class TrainsAll implements FreezeScheduleFactory<Config> {
        public String name() {
            return "harness-trains-all";
        }

        public Class<Config> configClass() {
            return Config.class;
        }

        public String description() {
            return "every group trains";
        }

        public FreezeSchedule create(Config config) {
            return (groups, position) -> Collections.nCopies(groups.size(), GroupState.TRAINING);
        }
    }

    /** Throws in the second epoch. */
    public static final class BreaksInEpochTwo implements FreezeScheduleFactory<Config> {
        public String name() {
            return "harness-breaks";
        }

        public Class<Config> configClass() {
            return Config.class;
        }

        public String description() {
            return "throws in the second epoch";
        }

        public FreezeSchedule create(Config config) {
            return (groups, position) -> {
                if (position.epoch() == 1) {
                    throw new IllegalStateException("broken in epoch 2");
                }
                return Collections.nCopies(groups.size(), GroupState.TRAINING);
            };
        }
    }

    public static final class Good extends GraftModule {
        @Override
        protected void configure() {
            freezeSchedule("harness-trains-all").to(TrainsAll.class);
        }
    }

    public static final class Broken extends GraftModule {
        @Override
        protected void configure() {
            freezeSchedule("harness-breaks").to(BreaksInEpochTwo.class);
        }
    }

    @Test
    void aPluginFromOutsideGraftTrainsWithEveryInstalledPluginOfTheOtherFamilies(@TempDir Path dir) {
        PluginCombinations.Result result = PluginCombinations.of(new Good()).run(dir);
        assertTrue(result.trials() >= 2 * 20, result.toString());
        // a feature head (Tribuo's logistic regression) under a schedule that trains the backbone fails as documented
        assertTrue(result.failedAsDocumented() >= 1, result.toString());
        assertTrue(result.notes().contains("backbone: the test kit's test-tiny"), result.notes().toString());
    }

    @Test
    void aPluginThatBreaksIsCaughtInEveryCombinationEachNamed(@TempDir Path dir) {
        AssertionError e = assertThrows(AssertionError.class, () -> PluginCombinations.of(new Broken()).run(dir));
        String[] lines = e.getMessage().split("\n");
        assertTrue(lines[0].matches("\\d+ of \\d+ trials went wrong:"), e.getMessage());
        // every transfer trial of the broken schedule, each with its combination; the scratch baselines (no schedule) finish
        long named = java.util.Arrays.stream(lines).skip(1).filter(l -> l.contains("freeze=harness-breaks") && l.contains("broken in epoch 2")).count();
        assertEquals(lines.length - 1, named, e.getMessage());
        assertTrue(named >= 20, e.getMessage());
    }
}
