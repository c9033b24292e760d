package dev.graft.testing;

import dev.graft.image.LabeledImages;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Tiny learnable images: class c is a bright bar at row band c, plus noise. */
public final class SyntheticImages {
    private SyntheticImages() {}

    /**
     * @param classes number of classes
     * @param perClass images per class
     * @param size height and width
     * @param seed noise seed
     * @return the images, classes interleaved
     */
    public static LabeledImages make(int classes, int perClass, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = classes * perClass;
        float[] pixels = new float[n * size * size];
        int[] labels = new int[n];
        int band = Math.max(1, size / classes);
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            labels[i] = c;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    float signal = y / band == c ? 0.8f : 0.1f;
                    pixels[i * size * size + y * size + x] = Math.min(1f, Math.max(0f, signal + (float) (random.nextGaussian() * 0.1)));
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class" + c);
        }
        return new LabeledImages(pixels, labels, 1, size, size, names, "synthetic-" + classes + "-" + perClass + "-" + seed, "synthetic");
    }
}
