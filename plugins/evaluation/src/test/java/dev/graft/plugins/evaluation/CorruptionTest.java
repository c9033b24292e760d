package dev.graft.plugins.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.image.LabeledImages;
import dev.graft.spi.evaluate.EvaluationContext;
import dev.graft.spi.evaluate.EvaluationSet;
import dev.graft.testing.SyntheticImages;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorruptionTest {
    /** A 5x5 image with one bright pixel at (row 1, column 3). */
    static float[] dot() {
        float[] image = new float[25];
        image[1 * 5 + 3] = 1f;
        return image;
    }

    @Test
    void geometricCorruptionsMovePixelsAsTheirParametersSay() {
        float[] image = dot();
        float[] shifted = Corruption.TRANSLATE.apply(image, 1, 5, 5, 1, new SplittableRandom(1));
        assertEquals(sum(image), sum(shifted), 0.35, "a small translation keeps most of the mass");
        float[] scaled = Corruption.SCALE.apply(image, 1, 5, 5, 5, new SplittableRandom(1));
        // at half size the dot (column 3, row 1) moves halfway to the centre (2, 2): to (2.5, 1.5)
        double mass = sum(scaled);
        double cx = 0;
        double cy = 0;
        for (int p = 0; p < 25; p++) {
            cx += scaled[p] * (p % 5) / mass;
            cy += scaled[p] * (p / 5) / mass;
        }
        assertEquals(2.5, cx, 0.2, java.util.Arrays.toString(scaled));
        assertEquals(1.5, cy, 0.2, java.util.Arrays.toString(scaled));
        float[] sheared = Corruption.SHEAR.apply(image, 1, 5, 5, 5, new SplittableRandom(1));
        assertEquals(sum(image), sum(sheared), 1e-5, "a shear by half a pixel per row keeps the row's mass");
    }

    @Test
    void valueCorruptionsStayInTheUnitIntervalAndGrowWithSeverity() {
        LabeledImages images = SyntheticImages.make(3, 10, 12, 1);
        double previous = 0;
        for (int severity = 1; severity <= 5; severity++) {
            double change = 0;
            for (int i = 0; i < images.size(); i++) {
                float[] image = java.util.Arrays.copyOfRange(images.pixels(), i * images.imageSize(), (i + 1) * images.imageSize());
                float[] noisy = Corruption.GAUSSIAN_NOISE.apply(image, 1, 12, 12, severity, new SplittableRandom(i));
                for (int p = 0; p < image.length; p++) {
                    assertTrue(noisy[p] >= 0 && noisy[p] <= 1);
                    change += Math.abs(noisy[p] - image[p]);
                }
            }
            assertTrue(change > previous, "severity " + severity + " changes the images more than " + (severity - 1));
            previous = change;
        }
    }

    @Test
    void stripeInvertsABandAndContrastPullsTowardsTheMean() {
        float[] image = dot();
        float[] striped = Corruption.STRIPE.apply(image, 1, 5, 5, 1, new SplittableRandom(3));
        int inverted = 0;
        for (int p = 0; p < 25; p++) {
            if (striped[p] != image[p]) {
                inverted++;
            }
        }
        assertEquals(5, inverted, "one column of five pixels");
        float[] flat = Corruption.CONTRAST.apply(image, 1, 5, 5, 5, new SplittableRandom(3));
        assertEquals(0.04f + 0.96f * 0.1f, flat[1 * 5 + 3], 1e-6f);
        assertEquals(0.04f - 0.04f * 0.1f, flat[0], 1e-6f);
    }

    @Test
    void theSetIsTheSameInEveryRunAndKeepsLabelsClassesAndFormat() {
        LabeledImages test = SyntheticImages.make(3, 8, 12, 2);
        EvaluationContext context = new EvaluationContext(test, data -> test, 42L);
        CorruptFactory factory = new CorruptFactory();
        LabeledImages a = (LabeledImages) ((EvaluationSet.Target) factory.create(new CorruptConfig("blur", 3), context)).examples();
        LabeledImages b = (LabeledImages) ((EvaluationSet.Target) factory.create(new CorruptConfig("blur", 3), context)).examples();
        assertArrayEquals(a.pixels(), b.pixels());
        assertArrayEquals(test.labels(), a.labels());
        assertEquals(test.classNames(), a.classNames());
        assertEquals(test.format(), a.format());
        assertFalse(java.util.Arrays.equals(test.pixels(), a.pixels()), "the images changed");
        LabeledImages other = (LabeledImages) ((EvaluationSet.Target) factory.create(new CorruptConfig("blur", 3),
                new EvaluationContext(test, data -> test, 43L))).examples();
        assertArrayEquals(a.pixels(), other.pixels(), "blur draws nothing: the seed does not matter");
        LabeledImages noise = (LabeledImages) ((EvaluationSet.Target) factory.create(new CorruptConfig("gaussian-noise", 3),
                new EvaluationContext(test, data -> test, 43L))).examples();
        LabeledImages noise2 = (LabeledImages) ((EvaluationSet.Target) factory.create(new CorruptConfig("gaussian-noise", 3), context)).examples();
        assertFalse(java.util.Arrays.equals(noise.pixels(), noise2.pixels()), "another seed draws other noise");
    }

    private static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
