package dev.graft.plugins.augment;

import dev.graft.image.ImageAugmenter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.image.ImageBatch;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentersTest {
    /** One 5x5 image with a single marker pixel at (row 1, column 0). */
    static ImageBatch marker() {
        float[] pixels = new float[25];
        pixels[5] = 1f;
        return new ImageBatch(pixels, new int[] {3}, 1, 5, 5);
    }

    static int markerIndex(ImageBatch batch) {
        for (int i = 0; i < batch.pixels().length; i++) {
            if (batch.pixels()[i] == 1f) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void horizontalFlipMirrorsColumns() {
        ImageAugmenter flip = new FlipFactory().create(new FlipConfig(true, false, 1.0));
        ImageBatch out = flip.apply(marker(), new SplittableRandom(1));
        assertEquals(1 * 5 + 4, markerIndex(out), "(1, 0) lands on (1, 4)");
        assertArrayEquals(new int[] {3}, out.labels());
        assertEquals(1f, marker().pixels()[5], "the input is untouched");
    }

    @Test
    void verticalFlipMirrorsRows() {
        ImageAugmenter flip = new FlipFactory().create(new FlipConfig(false, true, 1.0));
        assertEquals(3 * 5, markerIndex(flip.apply(marker(), new SplittableRandom(1))), "(1, 0) lands on (3, 0)");
    }

    @Test
    void shiftMovesContentByWholePixelsWithinTheRange() {
        ImageAugmenter shift = new ShiftFactory().create(new ShiftConfig(0.4, 0.0, ShiftConfig.Fill.constant, 0.0));
        int moved = 0;
        for (long seed = 0; seed < 20; seed++) {
            int index = markerIndex(shift.apply(marker(), new SplittableRandom(seed)));
            if (index >= 0) {
                assertEquals(1, index / 5, "a horizontal shift keeps the row");
                assertEquals(true, index % 5 <= 2, "at most round(0.4 * 5) = 2 columns right of column 0");
            }
            moved += index == 5 ? 0 : 1;
        }
        assertTrue(moved > 0, "some seed shifts the image");
    }

    @Test
    void shiftFillsNearestByRepeatingTheEdge() {
        float[] pixels = new float[9];
        for (int x = 0; x < 3; x++) {
            pixels[x] = x + 1;
            pixels[3 + x] = x + 1;
            pixels[6 + x] = x + 1;
        }
        ImageBatch columns = new ImageBatch(pixels, new int[] {0}, 1, 3, 3);
        ImageAugmenter shift = new ShiftFactory().create(new ShiftConfig(0.9, 0.0, ShiftConfig.Fill.nearest, null));
        int changed = 0;
        for (long seed = 0; seed < 10; seed++) {
            float[] out = shift.apply(columns, new SplittableRandom(seed)).pixels();
            for (float v : out) {
                assertEquals(true, v >= 1 && v <= 3, "only edge values are repeated");
            }
            changed += java.util.Arrays.equals(out, pixels) ? 0 : 1;
        }
        assertTrue(changed > 0, "some seed shifts the image");
    }

    @Test
    void augmentationIsDeterministicPerSeed() {
        ImageAugmenter shift = new ShiftFactory().create(new ShiftConfig(0.4, 0.4, null, null));
        float[] pixels = new float[8 * 25];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % 7) / 7f;
        }
        ImageBatch batch = new ImageBatch(pixels, new int[8], 1, 5, 5);
        assertArrayEquals(shift.apply(batch, new SplittableRandom(9)).pixels(), shift.apply(batch, new SplittableRandom(9)).pixels());
        assertNotEquals(java.util.Arrays.toString(shift.apply(batch, new SplittableRandom(9)).pixels()),
                java.util.Arrays.toString(shift.apply(batch, new SplittableRandom(10)).pixels()));
    }

    @Test
    void noneReturnsTheBatch() {
        ImageBatch batch = marker();
        assertSame(batch, new NoneFactory().create(new NoneConfig()).apply(batch, new SplittableRandom(1)));
    }
}
