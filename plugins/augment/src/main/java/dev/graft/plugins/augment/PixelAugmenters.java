package dev.graft.plugins.augment;

import dev.graft.spi.augment.Augmenter;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.augment.ImageBatch;

/** Augmenters beyond Keras' generator: Gaussian noise, cutout, random resized crop. */
final class PixelAugmenters {
    private PixelAugmenters() {}

    /** {@code gaussian-noise}: every pixel plus N(0, std²), clipped to [0, 1]. */
    static final class Noise implements AugmenterFactory<NoiseConfig> {
        @Override
        public String name() {
            return "gaussian-noise";
        }

        @Override
        public Class<NoiseConfig> configClass() {
            return NoiseConfig.class;
        }

        @Override
        public String description() {
            return "adds Gaussian noise of standard deviation std to every pixel, clipped to [0, 1]";
        }

        @Override
        public Augmenter create(NoiseConfig config) {
            return (batch, random) -> {
                float[] in = batch.pixels();
                float[] out = new float[in.length];
                for (int i = 0; i < in.length; i++) {
                    out[i] = (float) Math.min(1, Math.max(0, in[i] + config.std() * random.nextGaussian()));
                }
                return batch.withPixels(out);
            };
        }
    }

    /** {@code cutout}: one square per image, centre uniform over the image (it may stick out), set to a value in every channel. */
    static final class Cutout implements AugmenterFactory<CutoutConfig> {
        @Override
        public String name() {
            return "cutout";
        }

        @Override
        public Class<CutoutConfig> configClass() {
            return CutoutConfig.class;
        }

        @Override
        public String description() {
            return "cutout (DeVries and Taylor 2017): a square of side size x the shorter side, centred at random, set to value";
        }

        @Override
        public Augmenter create(CutoutConfig config) {
            return (batch, random) -> {
                int h = batch.height();
                int w = batch.width();
                int side = Math.max(1, (int) Math.round(config.size() * Math.min(h, w)));
                float[] out = batch.pixels().clone();
                for (int n = 0; n < batch.size(); n++) {
                    int cy = random.nextInt(h);
                    int cx = random.nextInt(w);
                    int y0 = Math.max(0, cy - side / 2);
                    int x0 = Math.max(0, cx - side / 2);
                    int y1 = Math.min(h, cy - side / 2 + side);
                    int x1 = Math.min(w, cx - side / 2 + side);
                    for (int c = 0; c < batch.channels(); c++) {
                        int base = (n * batch.channels() + c) * h * w;
                        for (int y = y0; y < y1; y++) {
                            for (int x = x0; x < x1; x++) {
                                out[base + y * w + x] = config.value().floatValue();
                            }
                        }
                    }
                }
                return batch.withPixels(out);
            };
        }
    }

    /**
     * {@code random-resized-crop} (torchvision's RandomResizedCrop): a crop of area uniform in
     * [minArea, 1] of the image and log-uniform aspect ratio (up to ten tries, then the whole
     * image), resized back to the image's size with bilinear sampling.
     */
    static final class ResizedCrop implements AugmenterFactory<ResizedCropConfig> {
        @Override
        public String name() {
            return "random-resized-crop";
        }

        @Override
        public Class<ResizedCropConfig> configClass() {
            return ResizedCropConfig.class;
        }

        @Override
        public String description() {
            return "torchvision RandomResizedCrop: a random crop of area in [minArea, 1] and ratio in [minRatio, maxRatio], resized back (bilinear)";
        }

        @Override
        public Augmenter create(ResizedCropConfig config) {
            return (batch, random) -> {
                int h = batch.height();
                int w = batch.width();
                double[][] crops = new double[batch.size()][];
                for (int n = 0; n < batch.size(); n++) {
                    crops[n] = new double[] {w, h, 0, 0};
                    for (int attempt = 0; attempt < 10; attempt++) {
                        double area = w * h * (config.minArea() + random.nextDouble() * (1 - config.minArea()));
                        double ratio = Math.exp(Math.log(config.minRatio())
                                + random.nextDouble() * (Math.log(config.maxRatio()) - Math.log(config.minRatio())));
                        double cw = Math.sqrt(area * ratio);
                        double ch = Math.sqrt(area / ratio);
                        if (cw <= w && ch <= h) {
                            crops[n] = new double[] {cw, ch, random.nextDouble() * (w - cw), random.nextDouble() * (h - ch)};
                            break;
                        }
                    }
                }
                // output pixel (x, y) samples the crop at x0 + (x + 0.5) * cw / w - 0.5 (pixel centres aligned)
                return AffineWarp.sample(batch, (n, x, y) -> new double[] {
                    crops[n][2] + (x + 0.5) * crops[n][0] / w - 0.5, crops[n][3] + (y + 0.5) * crops[n][1] / h - 0.5}, ShiftConfig.Fill.nearest, 0);
            };
        }
    }
}
