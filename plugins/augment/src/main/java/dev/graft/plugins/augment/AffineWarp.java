package dev.graft.plugins.augment;

import dev.graft.image.ImageBatch;
import java.util.function.IntFunction;

/**
 * Applies a per-image affine map about the image centre, as Keras' {@code
 * apply_affine_transform} (scipy's {@code affine_transform}, order 1): each output pixel {@code o}
 * takes the bilinear sample of the input at {@code M (o - c) + c}, c the centre; points outside
 * the image take the nearest edge pixel, a constant, the mirrored image or the repeated image
 * (Keras' {@code fill_mode}: nearest, constant, reflect, wrap).
 */
final class AffineWarp {
    private AffineWarp() {}

    /**
     * @param batch the images
     * @param matrices for image n, the 2x2 matrix {@code {m00, m01, m10, m11}} mapping output
     *     offsets (x, y) from the centre to input offsets
     * @param fill {@code nearest} or {@code constant}
     * @param value the constant
     * @return the warped batch
     */
    static ImageBatch warp(ImageBatch batch, IntFunction<double[]> matrices, ShiftConfig.Fill fill, double value) {
        double cx = (batch.width() - 1) / 2.0;
        double cy = (batch.height() - 1) / 2.0;
        double[][] m = new double[batch.size()][];
        for (int n = 0; n < batch.size(); n++) {
            m[n] = matrices.apply(n);
        }
        return sample(batch, (n, x, y, source) -> {
            source[0] = m[n][0] * (x - cx) + m[n][1] * (y - cy) + cx;
            source[1] = m[n][2] * (x - cx) + m[n][3] * (y - cy) + cy;
        }, fill, value);
    }

    /** Where output pixel (x, y) of image n samples the input: written to {@code source} as (x, y), no allocation per pixel. */
    @FunctionalInterface
    interface SourceMap {
        void at(int n, int x, int y, double[] source);
    }

    /**
     * @param batch the images
     * @param map the input position of each output pixel
     * @param fill outside the image: the nearest edge pixel, or a constant
     * @param value the constant
     * @return the resampled batch (bilinear)
     */
    static ImageBatch sample(ImageBatch batch, SourceMap map, ShiftConfig.Fill fill, double value) {
        int h = batch.height();
        int w = batch.width();
        int plane = h * w;
        float[] in = batch.pixels();
        float[] out = new float[in.length];
        double[] source = new double[2];
        for (int n = 0; n < batch.size(); n++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    map.at(n, x, y, source);
                    for (int c = 0; c < batch.channels(); c++) {
                        int base = (n * batch.channels() + c) * plane;
                        out[base + y * w + x] = (float) sample(in, base, w, h, source[0], source[1], fill, value);
                    }
                }
            }
        }
        return batch.withPixels(out);
    }

    private static double sample(float[] in, int base, int w, int h, double x, double y, ShiftConfig.Fill fill, double value) {
        switch (fill) {
            case constant -> {
                if (x < -0.5 || x > w - 0.5 || y < -0.5 || y > h - 0.5) {
                    return value;
                }
            }
            case reflect -> {
                x = reflect(x, w);
                y = reflect(y, h);
            }
            case wrap -> {
                // periodic: the neighbours of the last column are the first, and so on
                int fx0 = (int) Math.floor(x);
                int fy0 = (int) Math.floor(y);
                double fx = x - fx0;
                double fy = y - fy0;
                int x0 = Math.floorMod(fx0, w);
                int y0 = Math.floorMod(fy0, h);
                int x1 = (x0 + 1) % w;
                int y1 = (y0 + 1) % h;
                return bilinear(in, base, w, x0, y0, x1, y1, fx, fy);
            }
            default -> { }
        }
        double cx = Math.max(0, Math.min(w - 1, x));
        double cy = Math.max(0, Math.min(h - 1, y));
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        return bilinear(in, base, w, x0, y0, Math.min(w - 1, x0 + 1), Math.min(h - 1, y0 + 1), cx - x0, cy - y0);
    }

    /** Mirrors a coordinate about the image's outer pixel edges (-0.5 and n - 0.5), as often as needed. */
    static double reflect(double x, int n) {
        double u = (x + 0.5) % (2.0 * n);
        if (u < 0) {
            u += 2.0 * n;
        }
        if (u > n) {
            u = 2.0 * n - u;
        }
        return u - 0.5;
    }

    private static double bilinear(float[] in, int base, int w, int x0, int y0, int x1, int y1, double fx, double fy) {
        double top = in[base + y0 * w + x0] * (1 - fx) + in[base + y0 * w + x1] * fx;
        double bottom = in[base + y1 * w + x0] * (1 - fx) + in[base + y1 * w + x1] * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
