package dev.graft.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.graft.spi.GraftException;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.data.Batch;
import dev.graft.spi.data.ExampleFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageModalityTest {
    /** Another modality, as a text module would define it. */
    private record Tokens(int length) implements ExampleFormat {
        @Override
        public String describe() {
            return "token sequences of " + length;
        }
    }

    private record TokenBatch(int[] labels) implements Batch {}

    /** Two 1x2x2 images: 0, 0.25, 0.5, 1 and their reverse; classes a and b. */
    private static LabeledImages images() {
        return new LabeledImages(new float[] {0f, 0.25f, 0.5f, 1f, 1f, 0.5f, 0.25f, 0f}, new int[] {0, 1}, 1, 2, 2, List.of("a", "b"), "sum", "test");
    }

    @Test
    void anImageBackboneRefusesAnotherModalityNamingIt() {
        ImageInputSpec spec = ImageInputSpec.anySize(1, 0.5f, 0.5f);
        GraftException e = assertThrows(GraftException.class, () -> spec.check(new Tokens(32)));
        assertTrue(e.getMessage().contains("token sequences of 32"), e.getMessage());
        e = assertThrows(GraftException.class, () -> spec.prepare(new TokenBatch(new int[] {0})));
        assertTrue(e.getMessage().contains("reads images"), e.getMessage());
        e = assertThrows(GraftException.class, () -> new BackboneContext(new Tokens(32)).format(ImageFormat.class));
        assertEquals("this backbone reads image data but the data are token sequences of 32", e.getMessage());
        assertEquals(new ImageFormat(1, 28, 28), new BackboneContext(new ImageFormat(1, 28, 28)).format(ImageFormat.class));
    }

    @Test
    void anImageAugmenterRefusesAnotherModality() {
        ImageAugmenter identity = (batch, random) -> batch;
        GraftException e = assertThrows(GraftException.class, () -> identity.apply((Batch) new TokenBatch(new int[] {0}), new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("cannot augment TokenBatch"), e.getMessage());
        ImageBatch batch = images().gather(new int[] {1});
        assertEquals(batch, identity.apply((Batch) batch, new SplittableRandom(1)));
    }

    @Test
    void aBatchIsNormalisedReplicatedAndReversedAsTheSpecSays() {
        // a BGR three-channel backbone reading grayscale: each network channel is the one image channel
        ImageInputSpec spec = new ImageInputSpec(3, 0, 0, new float[] {0.1f, 0.2f, 0.3f}, new float[] {1f, 2f, 4f}, true);
        LabeledImages data = images();
        spec.check(data.format());
        assertEquals(new Shape(1, 3, 2, 2), spec.networkInput(data.format()));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = spec.prepare(data.gather(new int[] {0})).toNDList(manager).singletonOrThrow();
            assertEquals(new Shape(1, 3, 2, 2), x.getShape());
            float[] expected = new float[12];
            float[] pixels = {0f, 0.25f, 0.5f, 1f};
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 4; i++) {
                    expected[c * 4 + i] = (pixels[i] - spec.mean()[c]) * (1f / spec.std()[c]);
                }
            }
            assertArrayEquals(expected, x.toFloatArray());
            // a fixed size resizes
            ImageInputSpec resized = new ImageInputSpec(1, 4, 4, new float[] {0f}, new float[] {1f});
            assertEquals(new Shape(2, 1, 4, 4), resized.prepare(data.gather(new int[] {0, 1})).toNDList(manager).singletonOrThrow().getShape());
        }
        GraftException e = assertThrows(GraftException.class, () -> new ImageInputSpec(3, 0, 0, new float[3], new float[] {1, 1, 1}).check(new ImageFormat(2, 8, 8)));
        assertTrue(e.getMessage().contains("2x8x8"), e.getMessage());
    }

    @Test
    void examplesSelectRelabelAndGatherByIndex() {
        LabeledImages data = images();
        LabeledImages second = data.select(new int[] {1}, "second");
        assertArrayEquals(new float[] {1f, 0.5f, 0.25f, 0f}, second.pixels());
        assertArrayEquals(new int[] {1}, second.labels());
        LabeledImages merged = data.withLabels(new int[] {0, 0}, List.of("ab"), "sum", "merged");
        assertEquals(1, merged.numClasses());
        assertArrayEquals(new int[] {2}, merged.classCounts());
        assertEquals(data.pixels(), merged.pixels(), "relabelling shares the pixels");
        ImageBatch batch = data.gather(new int[] {1, 0});
        assertArrayEquals(new int[] {1, 0}, batch.labels());
        assertArrayEquals(new float[] {1f, 0.5f, 0.25f, 0f, 0f, 0.25f, 0.5f, 1f}, batch.pixels());
        assertEquals("1x2x2 images", data.format().describe());
    }
}
