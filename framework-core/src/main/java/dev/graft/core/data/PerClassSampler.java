package dev.graft.core.data;

import dev.graft.spi.GraftException;
import dev.graft.spi.data.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Exact stratified sampling: draws exactly {@code n} examples of every class with a seeded
 * random permutation per class, then holds out a fixed number per class for validation.
 */
public final class PerClassSampler {
    private PerClassSampler() {}

    /**
     * @param pool the examples to draw from
     * @param perClass examples per class, or 0 for all of each class
     * @param validationFraction share of each class's draw held out for validation; when positive
     *     and a class has at least two examples, at least one is held out and at least one trains
     * @param seed the seed of the draw
     * @return training and validation examples
     * @throws GraftException when a class has fewer than {@code perClass} examples
     */
    public static LabelledSplit draw(Examples pool, int perClass, double validationFraction, long seed) {
        List<int[]> byClass = indicesByClass(pool);
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int c = 0; c < byClass.size(); c++) {
            int[] indices = byClass.get(c);
            int take = perClass == 0 ? indices.length : perClass;
            if (indices.length < take) {
                throw new GraftException("class '" + pool.classNames().get(c) + "' has only " + indices.length
                        + " examples in " + pool.origin() + ", but " + take + " per class were asked for");
            }
            shuffle(indices, random);
            int held = validationCount(take, validationFraction);
            for (int i = 0; i < take; i++) {
                (i < held ? validation : train).add(indices[i]);
            }
        }
        // interleave classes deterministically: sort by original position
        train.sort(null);
        validation.sort(null);
        int[] trainIndices = toArray(train);
        int[] validationIndices = toArray(validation);
        return new LabelledSplit(pool.select(trainIndices, pool.origin() + " sample " + perClass + "/class seed " + seed),
                pool.select(validationIndices, pool.origin() + " validation"), trainIndices, validationIndices);
    }

    /**
     * @param take examples drawn for one class
     * @param fraction the validation fraction
     * @return how many of them are held out
     */
    static int validationCount(int take, double fraction) {
        if (fraction <= 0 || take < 2) {
            return 0;
        }
        return Math.min(take - 1, Math.max(1, (int) Math.round(take * fraction)));
    }

    /**
     * @param data a dataset
     * @param perClass the cap
     * @return the first {@code perClass} examples of each class, in dataset order
     */
    public static Examples firstPerClass(Examples data, int perClass) {
        int[] seen = new int[data.numClasses()];
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (seen[data.labels()[i]]++ < perClass) {
                kept.add(i);
            }
        }
        return data.select(toArray(kept), data.origin() + " first " + perClass + "/class");
    }

    private static List<int[]> indicesByClass(Examples data) {
        int[] counts = data.classCounts();
        List<int[]> byClass = new ArrayList<>();
        for (int count : counts) {
            byClass.add(new int[count]);
        }
        int[] fill = new int[counts.length];
        for (int i = 0; i < data.size(); i++) {
            int label = data.labels()[i];
            byClass.get(label)[fill[label]++] = i;
        }
        return byClass;
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
