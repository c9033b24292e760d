package dev.graft.plugins.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import dev.graft.image.LabeledImages;
import dev.graft.spi.data.Split;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyntheticGlyphsProviderTest {
    static final DataContext CONTEXT = new DataContext(List.of(), Optional.empty(), Path.of("."));

    static SyntheticGlyphsConfig config(long seed) {
        return new SyntheticGlyphsConfig(null, "digits", 28, 20, 5, null, null, null, null, null, seed, null);
    }

    @org.junit.jupiter.api.BeforeAll
    static void needsTextFonts() {
        java.util.List<String> installed = java.util.Arrays.asList(
                java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        org.junit.jupiter.api.Assumptions.assumeTrue(SyntheticGlyphsProvider.TEXT_FONTS.stream().anyMatch(installed::contains),
                "no text font installed (apt-get install fonts-dejavu-core; .ci/run does)");
    }

    @Test
    void seededGlyphsOfEveryClassCentredWhiteOnBlack() {
        SyntheticGlyphsProvider provider = new SyntheticGlyphsProvider();
        LabeledImages train = provider.load(config(3), Split.TRAIN, CONTEXT);
        assertEquals(200, train.size());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), train.classNames());
        for (int count : train.classCounts()) {
            assertEquals(20, count);
        }
        assertArrayEquals(train.pixels(), provider.load(config(3), Split.TRAIN, CONTEXT).pixels(), "same seed, same images");
        assertFalse(Arrays.equals(train.pixels(), provider.load(config(4), Split.TRAIN, CONTEXT).pixels()), "another seed, other images");
        LabeledImages test = provider.load(config(3), Split.TEST, CONTEXT);
        assertEquals(50, test.size());
        assertFalse(Arrays.equals(Arrays.copyOf(train.pixels(), 784), Arrays.copyOf(test.pixels(), 784)), "test images differ from training ones");
        for (int k = 0; k < train.size(); k++) {
            double mass = 0;
            double cx = 0;
            double cy = 0;
            double border = 0;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    float v = train.pixels()[k * 784 + y * 28 + x];
                    assertTrue(v >= 0 && v <= 1);
                    mass += v;
                    cx += v * x;
                    cy += v * y;
                    if (x < 2 || x >= 26 || y < 2 || y >= 26) {
                        border += v;
                    }
                }
            }
            assertTrue(mass > 40, "image " + k + " has a glyph: ink " + mass);
            assertTrue(Math.hypot(cx / mass - 13.5, cy / mass - 13.5) < 5, "image " + k + ": ink centred near the middle");
            assertTrue(border / 208 < 0.1, "image " + k + ": the border is dark");
        }
    }

    @Test
    void unknownFontsAndEmptyGlyphsAreClearErrors() {
        GraftException e = assertThrows(GraftException.class, () -> new SyntheticGlyphsProvider().describe(
                new SyntheticGlyphsConfig(null, "digits", 28, 2, 2, List.of("No Such Font"), null, null, null, null, 0L, null), CONTEXT));
        assertTrue(e.getMessage().contains("'No Such Font' is not installed"), e.getMessage());
        assertThrows(dev.graft.spi.InvalidConfigException.class, () -> new SyntheticGlyphsConfig(null, "", null, null, null, null, null, null, null, null, null, null));
    }
}
