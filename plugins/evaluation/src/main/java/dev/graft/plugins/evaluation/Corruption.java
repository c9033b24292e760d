package dev.graft.plugins.evaluation;

import dev.graft.spi.InvalidConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Image corruptions at five severities, in the style of MNIST-C (Mu and Gilmer 2019) and
 * ImageNet-C (Hendrycks and Dietterich 2019): each maps one image (values in [0, 1], channels
 * first) to a corrupted copy, its random choices drawn from the image's own stream, so a set is
 * the same whatever order or batch the images come in. Noise severities are ImageNet-C's; the
 * others are chosen for 28x28 images and written in {@link #parameter(int)}.
 */
public enum Corruption {
    /** Additive Gaussian noise of standard deviation 0.08, 0.12, 0.18, 0.26, 0.38 (ImageNet-C), clipped. */
    GAUSSIAN_NOISE(0.08, 0.12, 0.18, 0.26, 0.38),
    /** Poisson (shot) noise: x = Poisson(x c) / c with c = 60, 25, 12, 5, 3 photons (ImageNet-C). */
    SHOT_NOISE(60, 25, 12, 5, 3),
    /** Salt and pepper: a share of 0.03, 0.06, 0.09, 0.17, 0.27 of the pixels set to 0 or 1 (ImageNet-C). */
    IMPULSE_NOISE(0.03, 0.06, 0.09, 0.17, 0.27),
    /** Gaussian blur of standard deviation 0.5, 0.75, 1, 1.5, 2 pixels (edges repeated). */
    BLUR(0.5, 0.75, 1.0, 1.5, 2.0),
    /** Rotation by 10, 20, 30, 40, 50 degrees about the centre, direction drawn per image (bilinear, 0 outside). */
    ROTATE(10, 20, 30, 40, 50),
    /** Scaling about the centre by 0.9, 0.8, 0.7, 0.6, 0.5 (smaller; Gaussian anti-aliasing of sigma (1/s - 1)/2 as scikit-image's, bilinear, 0 outside). */
    SCALE(0.9, 0.8, 0.7, 0.6, 0.5),
    /** Translation by 0.05, 0.1, 0.15, 0.2, 0.25 of the size, in a direction drawn per image (0 outside). */
    TRANSLATE(0.05, 0.1, 0.15, 0.2, 0.25),
    /** Horizontal shear by 0.1, 0.2, 0.3, 0.4, 0.5 (x + s (y - centre)), sign drawn per image (bilinear, 0 outside). */
    SHEAR(0.1, 0.2, 0.3, 0.4, 0.5),
    /** Brightness raised by 0.1, 0.2, 0.3, 0.4, 0.5, clipped. */
    BRIGHTNESS(0.1, 0.2, 0.3, 0.4, 0.5),
    /** Contrast: distance from the image's mean scaled by 0.6, 0.45, 0.3, 0.2, 0.1. */
    CONTRAST(0.6, 0.45, 0.3, 0.2, 0.1),
    /** A vertical band 1, 2, 3, 4, 5 pixels wide at a position drawn per image, inverted (1 - x), as MNIST-C's stripe. */
    STRIPE(1, 2, 3, 4, 5);

    private final double[] parameters;

    Corruption(double... parameters) {
        this.parameters = parameters;
    }

    /** @return the descriptor's name: lower case with dashes ({@code gaussian-noise}) */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param label a descriptor's name
     * @return the corruption
     * @throws InvalidConfigException naming {@code corruption} and the names there are
     */
    public static Corruption of(String label) {
        for (Corruption c : values()) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        throw new InvalidConfigException("corruption", "unknown corruption '" + label + "'; known: "
                + String.join(", ", Arrays.stream(values()).map(Corruption::label).toList()));
    }

    /**
     * @param severity 1 to 5
     * @return the corruption's parameter at that severity
     */
    public double parameter(int severity) {
        return parameters[severity - 1];
    }

    /**
     * @param image one image, {@code channels * height * width} values in [0, 1]
     * @param channels its channels
     * @param height its height
     * @param width its width
     * @param severity 1 to 5
     * @param random the image's own stream
     * @return the corrupted copy
     */
    public float[] apply(float[] image, int channels, int height, int width, int severity, SplittableRandom random) {
        double p = parameter(severity);
        float[] out = new float[image.length];
        switch (this) {
            case GAUSSIAN_NOISE -> {
                for (int i = 0; i < image.length; i++) {
                    out[i] = clip(image[i] + p * gaussian(random));
                }
            }
            case SHOT_NOISE -> {
                for (int i = 0; i < image.length; i++) {
                    out[i] = clip(poisson(image[i] * p, random) / p);
                }
            }
            case IMPULSE_NOISE -> {
                System.arraycopy(image, 0, out, 0, image.length);
                for (int i = 0; i < image.length; i++) {
                    if (random.nextDouble() < p) {
                        out[i] = random.nextBoolean() ? 1f : 0f;
                    }
                }
            }
            case BLUR -> blur(image, out, channels, height, width, p);
            case ROTATE -> {
                double angle = Math.toRadians(random.nextBoolean() ? p : -p);
                double cos = Math.cos(angle);
                double sin = Math.sin(angle);
                warp(image, out, channels, height, width, (x, y) -> new double[] {cos * x + sin * y, -sin * x + cos * y});
            }
            case SCALE -> {
                float[] smooth = new float[image.length];
                blur(image, smooth, channels, height, width, (1 / p - 1) / 2);
                warp(smooth, out, channels, height, width, (x, y) -> new double[] {x / p, y / p});
            }
            case TRANSLATE -> {
                double direction = random.nextDouble() * 2 * Math.PI;
                double dx = Math.cos(direction) * p * width;
                double dy = Math.sin(direction) * p * height;
                warp(image, out, channels, height, width, (x, y) -> new double[] {x - dx, y - dy});
            }
            case SHEAR -> {
                double s = random.nextBoolean() ? p : -p;
                warp(image, out, channels, height, width, (x, y) -> new double[] {x - s * y, y});
            }
            case BRIGHTNESS -> {
                for (int i = 0; i < image.length; i++) {
                    out[i] = clip(image[i] + p);
                }
            }
            case CONTRAST -> {
                int plane = height * width;
                for (int c = 0; c < channels; c++) {
                    double mean = 0;
                    for (int i = 0; i < plane; i++) {
                        mean += image[c * plane + i];
                    }
                    mean /= plane;
                    for (int i = 0; i < plane; i++) {
                        out[c * plane + i] = clip(mean + (image[c * plane + i] - mean) * p);
                    }
                }
            }
            case STRIPE -> {
                System.arraycopy(image, 0, out, 0, image.length);
                int band = (int) p;
                int from = random.nextInt(width - band + 1);
                for (int c = 0; c < channels; c++) {
                    for (int y = 0; y < height; y++) {
                        for (int x = from; x < from + band; x++) {
                            int i = (c * height + y) * width + x;
                            out[i] = 1f - image[i];
                        }
                    }
                }
            }
            default -> throw new IllegalStateException(name());
        }
        return out;
    }

    private static float clip(double value) {
        return (float) Math.max(0, Math.min(1, value));
    }

    /** A standard normal draw (Box-Muller). */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** A Poisson draw of mean {@code lambda} (Knuth's method; lambda is at most 60 here). */
    private static int poisson(double lambda, SplittableRandom random) {
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }

    /** Separable Gaussian blur (kernel radius 3 sigma), edges repeated. */
    private static void blur(float[] image, float[] out, int channels, int height, int width, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-(k * k) / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        float[] rows = new float[image.length];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double v = 0;
                    for (int k = -radius; k <= radius; k++) {
                        v += kernel[k + radius] * image[(c * height + y) * width + Math.max(0, Math.min(width - 1, x + k))];
                    }
                    rows[(c * height + y) * width + x] = (float) v;
                }
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double v = 0;
                    for (int k = -radius; k <= radius; k++) {
                        v += kernel[k + radius] * rows[(c * height + Math.max(0, Math.min(height - 1, y + k))) * width + x];
                    }
                    out[(c * height + y) * width + x] = clip(v);
                }
            }
        }
    }

    /** Maps an output pixel (relative to the centre) to where it is read from in the input. */
    private interface InverseMap {
        double[] source(double x, double y);
    }

    /** Inverse warp with bilinear sampling about the image centre, 0 outside. */
    private static void warp(float[] image, float[] out, int channels, int height, int width, InverseMap map) {
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] s = map.source(x - cx, y - cy);
                double sx = s[0] + cx;
                double sy = s[1] + cy;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                for (int c = 0; c < channels; c++) {
                    double v = (1 - fx) * (1 - fy) * pixel(image, c, y0, x0, height, width) + fx * (1 - fy) * pixel(image, c, y0, x0 + 1, height, width)
                            + (1 - fx) * fy * pixel(image, c, y0 + 1, x0, height, width) + fx * fy * pixel(image, c, y0 + 1, x0 + 1, height, width);
                    out[(c * height + y) * width + x] = clip(v);
                }
            }
        }
    }

    private static float pixel(float[] image, int c, int y, int x, int height, int width) {
        return y < 0 || y >= height || x < 0 || x >= width ? 0f : image[(c * height + y) * width + x];
    }
}
