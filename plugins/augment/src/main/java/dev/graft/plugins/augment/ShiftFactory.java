package dev.graft.plugins.augment;

import dev.graft.image.ImageAugmenterFactory;
import dev.graft.image.ImageAugmenter;

/**
 * Random translations by whole pixels: each image moves by {@code round(u * W)} pixels
 * horizontally and {@code round(v * H)} vertically, u and v uniform in {@code [-width, width]}
 * and {@code [-height, height]}; a positive shift moves content right (down).
 */
public final class ShiftFactory implements ImageAugmenterFactory<ShiftConfig> {
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
        return "random whole-pixel translations, as Keras' width_shift_range / height_shift_range (fractions), fill nearest, constant, reflect or wrap";
    }

    @Override
    public ImageAugmenter create(ShiftConfig config) {
        return (batch, random) -> {
            int[] dx = new int[batch.size()];
            int[] dy = new int[batch.size()];
            for (int n = 0; n < batch.size(); n++) {
                dx[n] = (int) Math.round((random.nextDouble() * 2 - 1) * config.width() * batch.width());
                dy[n] = (int) Math.round((random.nextDouble() * 2 - 1) * config.height() * batch.height());
            }
            // whole-pixel offsets: the bilinear resampler returns the source pixels exactly
            return AffineWarp.sample(batch, (n, x, y, source) -> {
                source[0] = x - dx[n];
                source[1] = y - dy[n];
            }, config.fill(), config.value());
        };
    }
}
