package dev.graft.plugins.augment;

import dev.graft.image.ImageAugmenterFactory;
import dev.graft.image.ImageAugmenter;
import dev.graft.spi.GraftException;
import dev.graft.image.ImageBatch;
import java.util.random.RandomGenerator;

/**
 * Augmenters that mix two images and their labels: mixup (Zhang et al. 2018) and CutMix (Yun et
 * al. 2019). One share lambda ~ Beta(alpha, alpha) per batch and a random pairing (a shuffled
 * copy of the batch), as the papers' reference code does; the loss then weighs each image's two
 * classes by lambda and 1 - lambda.
 */
final class LabelMixers {
    private LabelMixers() {}

    /** {@code mixup}: x = lambda x_i + (1 - lambda) x_j, labels likewise. */
    static final class Mixup implements ImageAugmenterFactory<MixConfig> {
        @Override
        public String name() {
            return "mixup";
        }

        @Override
        public Class<MixConfig> configClass() {
            return MixConfig.class;
        }

        @Override
        public String description() {
            return "mixup (Zhang et al. 2018): each image blended with another of the batch by lambda ~ Beta(alpha, alpha), labels too";
        }

        @Override
        public ImageAugmenter create(MixConfig config) {
            return (batch, random) -> {
                requireUnmixed(batch);
                float lambda = (float) beta(random, config.alpha());
                int[] partner = permutation(batch.size(), random);
                int size = batch.imageSize();
                float[] in = batch.pixels();
                float[] out = new float[in.length];
                int[] mixed = new int[batch.size()];
                float[] weights = new float[batch.size()];
                for (int n = 0; n < batch.size(); n++) {
                    int m = partner[n];
                    for (int i = 0; i < size; i++) {
                        out[n * size + i] = lambda * in[n * size + i] + (1 - lambda) * in[m * size + i];
                    }
                    mixed[n] = batch.labels()[m];
                    weights[n] = lambda;
                }
                return new ImageBatch(out, batch.labels(), batch.channels(), batch.height(), batch.width(), mixed, weights);
            };
        }
    }

    /** {@code cutmix}: a box of area share 1 - lambda pasted from another image; lambda set to the exact kept share. */
    static final class CutMix implements ImageAugmenterFactory<CutMixConfig> {
        @Override
        public String name() {
            return "cutmix";
        }

        @Override
        public Class<CutMixConfig> configClass() {
            return CutMixConfig.class;
        }

        @Override
        public String description() {
            return "CutMix (Yun et al. 2019): a box from another image of the batch pasted in, labels weighted by the areas";
        }

        @Override
        public ImageAugmenter create(CutMixConfig config) {
            return (batch, random) -> {
                requireUnmixed(batch);
                double lambda = beta(random, config.alpha());
                int h = batch.height();
                int w = batch.width();
                int cutW = (int) (w * Math.sqrt(1 - lambda));
                int cutH = (int) (h * Math.sqrt(1 - lambda));
                int cx = random.nextInt(w);
                int cy = random.nextInt(h);
                int x0 = Math.max(0, cx - cutW / 2);
                int x1 = Math.min(w, cx + cutW / 2);
                int y0 = Math.max(0, cy - cutH / 2);
                int y1 = Math.min(h, cy + cutH / 2);
                float kept = 1 - (float) ((x1 - x0) * (y1 - y0)) / (w * h);
                int[] partner = permutation(batch.size(), random);
                float[] out = batch.pixels().clone();
                int[] mixed = new int[batch.size()];
                float[] weights = new float[batch.size()];
                int plane = h * w;
                for (int n = 0; n < batch.size(); n++) {
                    int m = partner[n];
                    for (int c = 0; c < batch.channels(); c++) {
                        for (int y = y0; y < y1; y++) {
                            for (int x = x0; x < x1; x++) {
                                out[(n * batch.channels() + c) * plane + y * w + x] = batch.pixels()[(m * batch.channels() + c) * plane + y * w + x];
                            }
                        }
                    }
                    mixed[n] = batch.labels()[m];
                    weights[n] = kept;
                }
                return new ImageBatch(out, batch.labels(), batch.channels(), h, w, mixed, weights);
            };
        }
    }

    private static void requireUnmixed(ImageBatch batch) {
        if (batch.isMixed()) {
            throw new GraftException("a batch can be label-mixed once: use one of mixup and cutmix per chain");
        }
    }

    private static int[] permutation(int n, RandomGenerator random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** Beta(a, a) from two Gamma(a) draws (Marsaglia and Tsang; boosted for a < 1). */
    static double beta(RandomGenerator random, double a) {
        double x = gamma(random, a);
        double y = gamma(random, a);
        return x / (x + y);
    }

    private static double gamma(RandomGenerator random, double a) {
        if (a < 1) {
            return gamma(random, a + 1) * Math.pow(random.nextDouble(), 1 / a);
        }
        double d = a - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = Math.pow(1 + c * z, 3);
            if (v <= 0) {
                continue;
            }
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
