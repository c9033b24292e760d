package dev.graft.plugins.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.augment.ImageBatch;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PixelAugmentersTest {
    static ImageBatch flat(int n, int size, float value) {
        float[] pixels = new float[n * size * size];
        Arrays.fill(pixels, value);
        return new ImageBatch(pixels, new int[n], 1, size, size);
    }

    @Test
    void noiseHasTheAskedDeviationAndStaysInRange() {
        ImageBatch out = new PixelAugmenters.Noise().create(new NoiseConfig(0.1)).apply(flat(4, 28, 0.5f), new SplittableRandom(1));
        double sum = 0;
        double squares = 0;
        for (float v : out.pixels()) {
            assertTrue(v >= 0 && v <= 1);
            sum += v - 0.5;
            squares += (v - 0.5) * (v - 0.5);
        }
        int n = out.pixels().length;
        assertEquals(0.0, sum / n, 0.01);
        assertEquals(0.1, Math.sqrt(squares / n), 0.01);
    }

    @Test
    void cutoutBlanksOneSquareOfTheGivenSide() {
        ImageBatch out = new PixelAugmenters.Cutout().create(new CutoutConfig(0.25, 0.0)).apply(flat(3, 20, 1f), new SplittableRandom(2));
        for (int k = 0; k < 3; k++) {
            int zeros = 0;
            int minX = 99;
            int maxX = -1;
            for (int y = 0; y < 20; y++) {
                for (int x = 0; x < 20; x++) {
                    if (out.pixels()[k * 400 + y * 20 + x] == 0f) {
                        zeros++;
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                    }
                }
            }
            assertTrue(zeros > 0 && zeros <= 25, "a 5x5 square, clipped at the border: " + zeros);
            assertTrue(maxX - minX < 5);
        }
    }

    @Test
    void aResizedCropOfTheWholeImageIsTheImageAndCropsAreSeeded() {
        float[] ramp = new float[16];
        for (int i = 0; i < 16; i++) {
            ramp[i] = i / 15f;
        }
        ImageBatch image = new ImageBatch(ramp, new int[] {0}, 1, 4, 4);
        // minArea 1 and ratio 1: the crop is the whole image, so the output is the input
        ImageBatch whole = new PixelAugmenters.ResizedCrop().create(new ResizedCropConfig(1.0, 1.0, 1.0)).apply(image, new SplittableRandom(3));
        assertArrayEquals(ramp, whole.pixels(), 1e-6f);
        var crop = new PixelAugmenters.ResizedCrop().create(new ResizedCropConfig(0.3, null, null));
        ImageBatch a = crop.apply(image, new SplittableRandom(4));
        assertArrayEquals(a.pixels(), crop.apply(image, new SplittableRandom(4)).pixels());
        // a crop of a ramp is a ramp that rises less steeply across the output
        assertTrue(a.pixels()[15] - a.pixels()[0] < 1f + 1e-6);
    }
}
