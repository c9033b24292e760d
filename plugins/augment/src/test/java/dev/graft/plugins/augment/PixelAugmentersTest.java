package dev.graft.plugins.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.image.ImageBatch;
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

    static ImageBatch rgb(float[] r, float[] g, float[] b) {
        float[] pixels = new float[3 * r.length];
        System.arraycopy(r, 0, pixels, 0, r.length);
        System.arraycopy(g, 0, pixels, r.length, r.length);
        System.arraycopy(b, 0, pixels, 2 * r.length, r.length);
        return new ImageBatch(pixels, new int[] {0}, 3, 1, r.length);
    }

    @Test
    void colorJitterScalesBlendsAndTurnsHueAsTorchvisionDefinesIt() {
        ImageBatch image = rgb(new float[] {0.2f, 0.6f, 0.5f}, new float[] {0.4f, 0.1f, 0.5f}, new float[] {0.3f, 0.3f, 0.5f});
        java.util.random.RandomGenerator random = new java.util.SplittableRandom(3);
        // brightness alone: every pixel times one factor in [0.5, 1.5]
        float[] bright = new PixelAugmenters.ColorJitter().create(new ColorJitterConfig(0.5, null, null, null)).apply(image, random).pixels();
        double f = bright[0] / image.pixels()[0];
        assertTrue(f >= 0.5 && f <= 1.5, "factor " + f);
        for (int i = 0; i < bright.length; i++) {
            assertEquals(Math.min(1, image.pixels()[i] * f), bright[i], 1e-5);
        }
        // saturation alone (no clipping at these values) keeps the grey pixel and each pixel's luma
        float[] saturated = new PixelAugmenters.ColorJitter().create(new ColorJitterConfig(null, null, 0.3, null)).apply(image, random).pixels();
        assertEquals(0.5f, saturated[2], 1e-6f);
        assertEquals(0.5f, saturated[5], 1e-6f);
        for (int p = 0; p < 2; p++) {
            double before = 0.299 * image.pixels()[p] + 0.587 * image.pixels()[3 + p] + 0.114 * image.pixels()[6 + p];
            double after = 0.299 * saturated[p] + 0.587 * saturated[3 + p] + 0.114 * saturated[6 + p];
            assertEquals(before, after, 1e-5, "luma of pixel " + p);
        }
        // a third of a turn takes pure red to pure green, and hue keeps grey and the value (max channel)
        float[] red = rgb(new float[] {1f}, new float[] {0f}, new float[] {0f}).pixels().clone();
        PixelAugmenters.ColorJitter.shiftHue(red, 0, 0, 1, 1.0 / 3);
        assertArrayEquals(new float[] {0f, 1f, 0f}, red, 1e-6f);
        float[] turned = new PixelAugmenters.ColorJitter().create(new ColorJitterConfig(null, null, null, 0.5)).apply(image, random).pixels();
        assertEquals(0.5f, turned[2], 1e-6f);
        assertEquals(Math.max(0.2, Math.max(0.4, 0.3)), Math.max(turned[0], Math.max(turned[3], turned[6])), 1e-6);
        // contrast 0 and every range 0 change nothing; a seed gives the same draws
        assertArrayEquals(image.pixels(), new PixelAugmenters.ColorJitter().create(new ColorJitterConfig(null, null, null, null))
                .apply(image, random).pixels());
        ColorJitterConfig all = new ColorJitterConfig(0.4, 0.4, 0.4, 0.1);
        assertArrayEquals(new PixelAugmenters.ColorJitter().create(all).apply(image, new java.util.SplittableRandom(9)).pixels(),
                new PixelAugmenters.ColorJitter().create(all).apply(image, new java.util.SplittableRandom(9)).pixels());
        org.junit.jupiter.api.Assertions.assertThrows(dev.graft.spi.InvalidConfigException.class, () -> new ColorJitterConfig(null, null, null, 0.6));
    }
}
