package dev.graft.plugins.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.image.ImageBatch;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Where a marker pixel lands under each transform at the extreme of its range, as Keras' matrices put it. */
class GeometryAugmentersTest {
    /** Always draws the top of the range. */
    static final RandomGenerator TOP = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public double nextDouble() {
            return 1.0;
        }
    };

    static ImageBatch image(int size, int x, int y) {
        float[] pixels = new float[size * size];
        pixels[y * size + x] = 1f;
        return new ImageBatch(pixels, new int[] {0}, 1, size, size);
    }

    static int brightest(ImageBatch batch) {
        int best = 0;
        for (int i = 1; i < batch.pixels().length; i++) {
            if (batch.pixels()[i] > batch.pixels()[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void rotationByNinetyDegreesMovesTheLeftMarkerToTheTop() {
        // Keras' matrix at +90 degrees: content turns clockwise on screen (y down); (0, 1) -> (3, 0) in a 5x5 image
        ImageBatch out = new GeometryAugmenters.Rotation().create(new RotationConfig(90.0, ShiftConfig.Fill.constant, 0.0))
                .apply(image(5, 0, 1), TOP);
        float[] expected = new float[25];
        expected[0 * 5 + 3] = 1f;
        assertArrayEquals(expected, out.pixels(), 1e-6f);
    }

    @Test
    void shearMovesRowsByTheirColumnOffset() {
        // s = 45 degrees: input row = row - sin(s) * (col - c), input col = cos(s) * (col - c) + c
        ImageBatch out = new GeometryAugmenters.Shear().create(new ShearConfig(45.0, ShiftConfig.Fill.constant, 0.0)).apply(image(9, 4, 4), TOP);
        assertEquals(4 * 9 + 4, brightest(out), "the centre stays");
        ImageBatch moved = new GeometryAugmenters.Shear().create(new ShearConfig(45.0, ShiftConfig.Fill.constant, 0.0))
                .apply(image(9, 8, 4), TOP);
        // an output pixel at column offset dx samples input column c + dx cos s and row 4 - dx sin s:
        // the marker (col 8, row 4) is reached from dx = 4 / cos s ~ 5.66 (outside), so it leaves; nothing bright remains
        float total = 0;
        for (float v : moved.pixels()) {
            total += v;
        }
        assertTrue(total < 1f, "sheared off the edge: " + total);
    }

    @Test
    void zoomAboveOneShrinksContentTowardsTheCentre() {
        // z = 1.5 on both axes: the marker 3 pixels left of the centre lands 2 pixels left of it
        ImageBatch out = new GeometryAugmenters.Zoom().create(new ZoomConfig(0.5, ShiftConfig.Fill.constant, 0.0)).apply(image(9, 1, 4), TOP);
        assertEquals(4 * 9 + 2, brightest(out));
    }

    @Test
    void nearestFillRepeatsTheEdgeAndDrawsAreSeeded() {
        float[] ones = new float[25];
        java.util.Arrays.fill(ones, 0.5f);
        ImageBatch flat = new ImageBatch(ones, new int[] {0}, 1, 5, 5);
        ImageBatch rotated = new GeometryAugmenters.Rotation().create(new RotationConfig(45.0, null, null)).apply(flat, TOP);
        for (float v : rotated.pixels()) {
            assertEquals(0.5f, v, 1e-6f, "nearest fill keeps a flat image flat");
        }
        ImageBatch two = new ImageBatch(new float[50], new int[] {0, 1}, 1, 5, 5);
        two.pixels()[7] = 1f;
        two.pixels()[32] = 1f;
        var rotation = new GeometryAugmenters.Rotation().create(new RotationConfig(30.0, null, null));
        assertArrayEquals(rotation.apply(two, new SplittableRandom(3)).pixels(), rotation.apply(two, new SplittableRandom(3)).pixels());
    }

    @Test
    void brightnessScalesEachImageAndClips() {
        float[] pixels = {0.2f, 0.9f};
        ImageBatch out = new BrightnessFactory().create(new BrightnessConfig(1.5, 1.5)).apply(new ImageBatch(pixels, new int[] {0}, 1, 1, 2), TOP);
        assertArrayEquals(new float[] {0.3f, 1f}, out.pixels(), 1e-6f);
    }

    /** One row 0.1, 0.2, ..., 0.5 shifted right by two whole pixels under each Keras fill mode. */
    static float[] shiftedRow(ShiftConfig.Fill fill) {
        float[] row = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f};
        ImageBatch batch = new ImageBatch(row, new int[] {0}, 1, 1, 5);
        return AffineWarp.sample(batch, (n, x, y, source) -> {
            source[0] = x - 2;
            source[1] = y;
        }, fill, 0.9).pixels();
    }

    @Test
    void fillModesFillUncoveredPixelsAsKerasDocumentsThem() {
        // Keras: nearest aaaa|abcd, constant kkkk|abcd, reflect dcba|abcd (abcddcba|abcd|dcbaabcd), wrap abcd|abcd
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f, 0.2f, 0.3f}, shiftedRow(ShiftConfig.Fill.nearest), 1e-6f);
        assertArrayEquals(new float[] {0.9f, 0.9f, 0.1f, 0.2f, 0.3f}, shiftedRow(ShiftConfig.Fill.constant), 1e-6f);
        assertArrayEquals(new float[] {0.2f, 0.1f, 0.1f, 0.2f, 0.3f}, shiftedRow(ShiftConfig.Fill.reflect), 1e-6f);
        assertArrayEquals(new float[] {0.4f, 0.5f, 0.1f, 0.2f, 0.3f}, shiftedRow(ShiftConfig.Fill.wrap), 1e-6f);
        // far outside: reflection repeats with period 2n, wrapping with period n
        assertEquals(2.0, AffineWarp.reflect(-3.0, 5), 1e-12);
        assertEquals(3.0, AffineWarp.reflect(6.0, 5), 1e-12);
        assertEquals(1.0, AffineWarp.reflect(11.0, 5), 1e-12);
        // a half-pixel wrap interpolates between the last and the first pixel
        float[] half = AffineWarp.sample(new ImageBatch(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f}, new int[] {0}, 1, 1, 5),
                (n, x, y, source) -> {
                    source[0] = x - 0.5;
                    source[1] = y;
                }, ShiftConfig.Fill.wrap, 0).pixels();
        assertEquals(0.3f, half[0], 1e-6f);
    }

    @Test
    void everyGeometricAugmenterAcceptsEveryFillMode() {
        for (ShiftConfig.Fill fill : ShiftConfig.Fill.values()) {
            ImageBatch rotated = new GeometryAugmenters.Rotation().create(new RotationConfig(30.0, fill, 0.5)).apply(image(9, 2, 3), TOP);
            for (float v : rotated.pixels()) {
                assertTrue(v >= 0 && v <= 1, fill + ": " + v);
            }
        }
    }
}
