package dev.graft.plugins.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.augment.Augmenter;
import dev.graft.image.ImageBatch;
import dev.graft.testkit.ModuleUnderTest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A chain is its steps applied in order, drawing from one random source, bound from descriptor JSON. */
class ChainTest {
    static final ModuleUnderTest MODULE = new ModuleUnderTest(new AugmentModule());

    @Test
    void aChainEqualsItsStepsOneAfterAnother() throws Exception {
        AugmentConfig chain = MODULE.mapper().readValue("{\"type\": \"chain\", \"steps\": [{\"type\": \"flip\", \"probability\": 1.0}, "
                + "{\"type\": \"shift\", \"width\": 0.2, \"height\": 0.2, \"fill\": \"constant\"}]}", AugmentConfig.class);
        assertEquals(ChainConfig.class, chain.getClass());
        Augmenter chained = MODULE.augmenter(chain);
        ImageBatch marker = AugmentersTest.marker();
        ImageBatch byChain = (ImageBatch) chained.apply(marker, new SplittableRandom(9));
        SplittableRandom random = new SplittableRandom(9);
        ImageBatch flipped = new FlipFactory().create(new FlipConfig(true, false, 1.0)).apply(marker, random);
        ImageBatch byHand = new ShiftFactory().create(new ShiftConfig(0.2, 0.2, ShiftConfig.Fill.constant, 0.0)).apply(flipped, random);
        assertArrayEquals(byHand.pixels(), byChain.pixels());
    }
}
