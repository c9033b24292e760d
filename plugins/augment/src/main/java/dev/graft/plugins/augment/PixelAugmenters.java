package dev.graft.plugins.augment;

import dev.graft.image.ImageAugmenterFactory;
import dev.graft.image.ImageAugmenter;

/** Augmenters beyond Keras' generator: Gaussian noise, cutout, random resized crop, colour jitter. */
final class PixelAugmenters {
    private PixelAugmenters() {}

    /** {@code gaussian-noise}: every pixel plus N(0, std²), clipped to [0, 1]. */
    static final class Noise implements ImageAugmenterFactory<NoiseConfig> {
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
        public ImageAugmenter create(NoiseConfig config) {
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
    static final class Cutout implements ImageAugmenterFactory<CutoutConfig> {
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
        public ImageAugmenter create(CutoutConfig config) {
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
    static final class ResizedCrop implements ImageAugmenterFactory<ResizedCropConfig> {
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
        public ImageAugmenter create(ResizedCropConfig config) {
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
                return AffineWarp.sample(batch, (n, x, y, source) -> {
                    source[0] = crops[n][2] + (x + 0.5) * crops[n][0] / w - 0.5;
                    source[1] = crops[n][3] + (y + 0.5) * crops[n][1] / h - 0.5;
                }, ShiftConfig.Fill.nearest, 0);
            };
        }
    }

    /**
     * {@code color-jitter} (torchvision's ColorJitter): per image, brightness, contrast, saturation
     * and hue adjustments in a random order, each with a factor drawn from its range; a range of 0
     * leaves that adjustment out. Brightness scales the pixels; contrast blends with the mean of
     * the image's grey levels; saturation blends with the grey image; hue rotates the colour in
     * HSV. Grey levels are ITU-R 601 luma (0.299 R + 0.587 G + 0.114 B); single-channel images
     * take brightness and contrast only. Results are clipped to [0, 1].
     */
    static final class ColorJitter implements ImageAugmenterFactory<ColorJitterConfig> {
        @Override
        public String name() {
            return "color-jitter";
        }

        @Override
        public Class<ColorJitterConfig> configClass() {
            return ColorJitterConfig.class;
        }

        @Override
        public String description() {
            return "torchvision ColorJitter: random brightness, contrast, saturation and hue, in random order per image";
        }

        @Override
        public ImageAugmenter create(ColorJitterConfig config) {
            return (batch, random) -> {
                int plane = batch.height() * batch.width();
                int channels = batch.channels();
                float[] out = batch.pixels().clone();
                for (int n = 0; n < batch.size(); n++) {
                    int base = n * channels * plane;
                    int[] order = {0, 1, 2, 3};
                    for (int i = order.length - 1; i > 0; i--) {
                        int j = random.nextInt(i + 1);
                        int t = order[i];
                        order[i] = order[j];
                        order[j] = t;
                    }
                    for (int op : order) {
                        switch (op) {
                            case 0 -> {
                                if (config.brightness() > 0) {
                                    double f = factor(config.brightness(), random);
                                    for (int i = 0; i < channels * plane; i++) {
                                        out[base + i] = clip(out[base + i] * f);
                                    }
                                }
                            }
                            case 1 -> {
                                if (config.contrast() > 0) {
                                    double f = factor(config.contrast(), random);
                                    double mean = 0;
                                    for (int p = 0; p < plane; p++) {
                                        mean += grey(out, base, p, plane, channels);
                                    }
                                    mean /= plane;
                                    for (int i = 0; i < channels * plane; i++) {
                                        out[base + i] = clip(f * out[base + i] + (1 - f) * mean);
                                    }
                                }
                            }
                            case 2 -> {
                                if (config.saturation() > 0) {
                                    double f = factor(config.saturation(), random);
                                    if (channels == 3) {
                                        for (int p = 0; p < plane; p++) {
                                            double g = grey(out, base, p, plane, channels);
                                            for (int c = 0; c < 3; c++) {
                                                out[base + c * plane + p] = clip(f * out[base + c * plane + p] + (1 - f) * g);
                                            }
                                        }
                                    }
                                }
                            }
                            default -> {
                                if (config.hue() > 0) {
                                    double shift = (2 * random.nextDouble() - 1) * config.hue();
                                    if (channels == 3) {
                                        for (int p = 0; p < plane; p++) {
                                            shiftHue(out, base, p, plane, shift);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                return batch.withPixels(out);
            };
        }

        private static double factor(double range, java.util.random.RandomGenerator random) {
            double low = Math.max(0, 1 - range);
            return low + random.nextDouble() * (1 + range - low);
        }

        private static float clip(double v) {
            return (float) Math.min(1, Math.max(0, v));
        }

        private static double grey(float[] px, int base, int p, int plane, int channels) {
            if (channels != 3) {
                return px[base + p];
            }
            return 0.299 * px[base + p] + 0.587 * px[base + plane + p] + 0.114 * px[base + 2 * plane + p];
        }

        /** Rotates one pixel's hue by {@code shift} turns (RGB to HSV and back). */
        static void shiftHue(float[] px, int base, int p, int plane, double shift) {
            double r = px[base + p];
            double g = px[base + plane + p];
            double b = px[base + 2 * plane + p];
            double max = Math.max(r, Math.max(g, b));
            double min = Math.min(r, Math.min(g, b));
            double chroma = max - min;
            if (chroma <= 0) {
                return; // grey: no hue to turn
            }
            double h;
            if (max == r) {
                h = ((g - b) / chroma) / 6;
            } else if (max == g) {
                h = ((b - r) / chroma + 2) / 6;
            } else {
                h = ((r - g) / chroma + 4) / 6;
            }
            h = ((h + shift) % 1 + 1) % 1;
            double s = chroma / max;
            double v = max;
            double sector = h * 6;
            int i = (int) Math.floor(sector) % 6;
            double f = sector - Math.floor(sector);
            double pv = v * (1 - s);
            double qv = v * (1 - s * f);
            double tv = v * (1 - s * (1 - f));
            double[] rgb = switch (i) {
                case 0 -> new double[] {v, tv, pv};
                case 1 -> new double[] {qv, v, pv};
                case 2 -> new double[] {pv, v, tv};
                case 3 -> new double[] {pv, qv, v};
                case 4 -> new double[] {tv, pv, v};
                default -> new double[] {v, pv, qv};
            };
            for (int c = 0; c < 3; c++) {
                px[base + c * plane + p] = (float) rgb[c];
            }
        }
    }
}
