package dev.graft.plugins.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.GraftException;
import dev.graft.image.ImageBatch;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LabelMixersTest {
    /** Four 2x2 images, image n filled with the value n, labels 10 + n. */
    static ImageBatch four() {
        float[] pixels = new float[16];
        for (int i = 0; i < 16; i++) {
            pixels[i] = i / 4;
        }
        return new ImageBatch(pixels, new int[] {10, 11, 12, 13}, 1, 2, 2);
    }

    @Test
    void betaSamplesHaveTheRightMoments() {
        SplittableRandom random = new SplittableRandom(1);
        double sum = 0;
        double squares = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            double b = LabelMixers.beta(random, 0.4);
            assertTrue(b >= 0 && b <= 1);
            sum += b;
            squares += b * b;
        }
        double mean = sum / n;
        assertEquals(0.5, mean, 0.01);
        assertEquals(1 / (4 * (2 * 0.4 + 1)), squares / n - mean * mean, 0.005);
    }

    @Test
    void mixupBlendsImagesAndLabelsWithOneShare() {
        ImageBatch out = new LabelMixers.Mixup().create(new MixConfig(0.4)).apply(four(), new SplittableRandom(5));
        assertTrue(out.isMixed());
        float lambda = out.mixWeights()[0];
        for (int n = 0; n < 4; n++) {
            assertEquals(lambda, out.mixWeights()[n], 0f, "one share per batch");
            int partner = out.mixedLabels()[n] - 10;
            float expected = lambda * n + (1 - lambda) * partner;
            for (int i = 0; i < 4; i++) {
                assertEquals(expected, out.pixels()[n * 4 + i], 1e-6f);
            }
            assertEquals(10 + n, out.labels()[n]);
        }
        assertArrayEquals(out.pixels(), new LabelMixers.Mixup().create(new MixConfig(0.4)).apply(four(), new SplittableRandom(5)).pixels());
    }

    @Test
    void cutmixLabelSharesMatchTheAreas() {
        ImageBatch big = new ImageBatch(new float[2 * 16 * 16], new int[] {0, 1}, 1, 16, 16);
        java.util.Arrays.fill(big.pixels(), 256, 512, 1f); // image 1 is white
        for (long seed = 0; seed < 20; seed++) {
            ImageBatch out = new LabelMixers.CutMix().create(new CutMixConfig(1.0)).apply(big, new SplittableRandom(seed));
            for (int n = 0; n < 2; n++) {
                if (out.mixedLabels()[n] == n) {
                    continue; // paired with itself: nothing changes
                }
                float white = 0;
                for (int i = 0; i < 256; i++) {
                    white += out.pixels()[n * 256 + i];
                }
                float fromPartner = n == 0 ? white : 256 - white;
                assertEquals(1 - out.mixWeights()[n], fromPartner / 256, 1e-6f, "seed " + seed);
            }
        }
        ImageBatch mixed = new LabelMixers.Mixup().create(new MixConfig(1.0)).apply(four(), new SplittableRandom(1));
        assertThrows(GraftException.class, () -> new LabelMixers.CutMix().create(new CutMixConfig(1.0)).apply(mixed, new SplittableRandom(1)));
        assertTrue(new ShiftFactory().create(new ShiftConfig(0.5, 0.5, null, null)).apply(mixed, new SplittableRandom(2)).isMixed(),
                "geometric augmenters keep the mixing");
    }
}
