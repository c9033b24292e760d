package dev.graft.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.GraftException;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.data.DatasetConfig;
import dev.graft.image.LabeledImages;
import dev.graft.testing.SyntheticImages;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PerClassSamplerTest {
    static final LabeledImages POOL = SyntheticImages.make(4, 25, 6, 7);

    @Test
    void drawsExactlyNPerClassSplitIntoDisjointTrainAndValidation() {
        LabelledSplit split = PerClassSampler.draw(POOL, 10, 0.2, 42);
        assertArrayEquals(new int[] {8, 8, 8, 8}, split.train().classCounts());
        assertArrayEquals(new int[] {2, 2, 2, 2}, split.validation().classCounts());
        Set<String> images = new HashSet<>();
        for (LabeledImages part : List.of((LabeledImages) split.train(), (LabeledImages) split.validation())) {
            for (int i = 0; i < part.size(); i++) {
                float[] image = new float[part.imageSize()];
                System.arraycopy(part.pixels(), i * part.imageSize(), image, 0, image.length);
                assertTrue(images.add(java.util.Arrays.toString(image)), "an image appears twice");
            }
        }
    }

    @Test
    void isDeterministicPerSeedAndDiffersAcrossSeeds() {
        assertEquals(PerClassSampler.draw(POOL, 5, 0.2, 1), PerClassSampler.draw(POOL, 5, 0.2, 1));
        assertNotEquals(PerClassSampler.draw(POOL, 5, 0.2, 1).train(), PerClassSampler.draw(POOL, 5, 0.2, 2).train());
    }

    @Test
    void keepsAtLeastOneTrainingAndOneValidationExamplePerClass() {
        assertEquals(1, PerClassSampler.validationCount(2, 0.2));
        assertEquals(1, PerClassSampler.validationCount(3, 0.01));
        assertEquals(1, PerClassSampler.validationCount(2, 0.9));
        assertEquals(0, PerClassSampler.validationCount(1, 0.5));
        assertEquals(0, PerClassSampler.validationCount(10, 0));
        assertEquals(20, PerClassSampler.validationCount(100, 0.2));
    }

    @Test
    void tooFewExamplesIsAClearError() {
        GraftException e = assertThrows(GraftException.class, () -> PerClassSampler.draw(POOL, 26, 0.2, 1));
        assertEquals("class 'class0' has only 25 examples in synthetic, but 26 per class were asked for", e.getMessage());
    }

    @Test
    void classSelectionKeepsListedClassesInOrder() {
        LabeledImages selected = (LabeledImages) ClassSelection.apply(POOL, List.of(3, 1));
        assertEquals(List.of("class3", "class1"), selected.classNames());
        assertArrayEquals(new int[] {25, 25}, selected.classCounts());
        assertEquals(1, selected.labels()[0], "the first kept example is of original class 1, now label 1");
        assertEquals(0, selected.labels()[1], "original class 3 is relabelled 0");
    }

    @Test
    void relabellingMergesNamedGroupsAndLeavesOutTheRest() {
        Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
        groups.put("odd", List.of(3, 1));
        groups.put("zero", List.of(0));
        LabeledImages merged = (LabeledImages) ClassSelection.apply(POOL, null, groups);
        assertEquals(List.of("odd", "zero"), merged.classNames());
        assertArrayEquals(new int[] {50, 25}, merged.classCounts(), "class 2 is in no group");
        for (int i = 0, j = 0; i < POOL.size(); i++) {
            int original = POOL.labels()[i];
            if (original != 2) {
                assertEquals(original == 0 ? 1 : 0, merged.labels()[j], "example " + i);
                assertArrayEquals(java.util.Arrays.copyOfRange(POOL.pixels(), i * POOL.imageSize(), (i + 1) * POOL.imageSize()),
                        java.util.Arrays.copyOfRange(merged.pixels(), j * POOL.imageSize(), (j + 1) * POOL.imageSize()));
                j++;
            }
        }
        groups.put("again", List.of(1));
        assertTrue(assertThrows(GraftException.class, () -> ClassSelection.apply(POOL, null, groups)).getMessage().contains("listed twice"));
        assertTrue(assertThrows(GraftException.class, () -> ClassSelection.apply(POOL, List.of(1, 1))).getMessage().contains("listed twice"));
        assertTrue(assertThrows(GraftException.class, () -> ClassSelection.apply(POOL, null, Map.of("a", List.of(0), "b", List.of(9))))
                .getMessage().contains("class 9 is not in"));
        // what a config record's constructor checks
        assertThrows(InvalidConfigException.class, () -> DatasetConfig.checkRelabel(List.of(0, 1), Map.of("a", List.of(0), "b", List.of(1))));
        assertThrows(InvalidConfigException.class, () -> DatasetConfig.checkRelabel(null, Map.of("a", List.of(0, 1))));
        assertThrows(InvalidConfigException.class, () -> DatasetConfig.checkRelabel(null, Map.of("a", List.of(0), "b", List.of())));
        InvalidConfigException twice = assertThrows(InvalidConfigException.class,
                () -> DatasetConfig.checkRelabel(null, new java.util.TreeMap<>(Map.of("a", List.of(0, 1), "b", List.of(1)))));
        assertTrue(twice.getMessage().contains("class 1 is in two new classes"), twice.getMessage());
    }

    @Test
    void firstPerClassCapsInDatasetOrder() {
        LabeledImages capped = (LabeledImages) PerClassSampler.firstPerClass(POOL, 3);
        assertArrayEquals(new int[] {3, 3, 3, 3}, capped.classCounts());
        assertArrayEquals(new int[] {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3}, capped.labels());
    }
}
