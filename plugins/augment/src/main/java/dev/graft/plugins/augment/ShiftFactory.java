package dev.graft.plugins.augment;

import dev.graft.spi.augment.Augmenter;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.augment.ImageBatch;

/**
 * Random translations by whole pixels: each image moves by {@code round(u * W)} pixels
 * horizontally and {@code round(v * H)} vertically, u and v uniform in {@code [-width, width]}
 * and {@code [-height, height]}; a positive shift moves content right (down).
 */
public final class ShiftFactory implements AugmenterFactory<ShiftConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "shift";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ShiftConfig> configClass() {
        return ShiftConfig.class;
    }

    @Override
    public String description() {
        return "random whole-pixel translations, as Keras' width_shift_range / height_shift_range (fractions), fill nearest or constant";
    }

    @Override
    public Augmenter create(ShiftConfig config) {
        return (batch, random) -> {
            int h = batch.height();
            int w = batch.width();
            int plane = h * w;
            float[] in = batch.pixels();
            float[] out = new float[in.length];
            for (int n = 0; n < batch.size(); n++) {
                int dx = (int) Math.round((random.nextDouble() * 2 - 1) * config.width() * w);
                int dy = (int) Math.round((random.nextDouble() * 2 - 1) * config.height() * h);
                for (int c = 0; c < batch.channels(); c++) {
                    int base = (n * batch.channels() + c) * plane;
                    for (int y = 0; y < h; y++) {
                        int sy = y - dy;
                        for (int x = 0; x < w; x++) {
                            int sx = x - dx;
                            boolean inside = sx >= 0 && sx < w && sy >= 0 && sy < h;
                            float v;
                            if (inside) {
                                v = in[base + sy * w + sx];
                            } else if (config.fill() == ShiftConfig.Fill.nearest) {
                                v = in[base + clamp(sy, h) * w + clamp(sx, w)];
                            } else {
                                v = config.value().floatValue();
                            }
                            out[base + y * w + x] = v;
                        }
                    }
                }
            }
            return batch.withPixels(out);
        };
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }
}
