package dev.graft.plugins.augment;

import dev.graft.image.ImageAugmenterFactory;
import dev.graft.image.ImageAugmenter;

/** Random flips, each image and axis decided independently (Keras {@code horizontal_flip}, {@code vertical_flip}). */
public final class FlipFactory implements ImageAugmenterFactory<FlipConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "flip";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<FlipConfig> configClass() {
        return FlipConfig.class;
    }

    @Override
    public String description() {
        return "random horizontal (and/or vertical) flips, as Keras' horizontal_flip / vertical_flip";
    }

    @Override
    public ImageAugmenter create(FlipConfig config) {
        return (batch, random) -> {
            float[] out = batch.pixels().clone();
            int h = batch.height();
            int w = batch.width();
            int plane = h * w;
            for (int n = 0; n < batch.size(); n++) {
                boolean flipX = config.horizontal() && random.nextDouble() < config.probability();
                boolean flipY = config.vertical() && random.nextDouble() < config.probability();
                if (!flipX && !flipY) {
                    continue;
                }
                for (int c = 0; c < batch.channels(); c++) {
                    int base = (n * batch.channels() + c) * plane;
                    for (int y = 0; y < h; y++) {
                        int sy = flipY ? h - 1 - y : y;
                        for (int x = 0; x < w; x++) {
                            int sx = flipX ? w - 1 - x : x;
                            out[base + y * w + x] = batch.pixels()[base + sy * w + sx];
                        }
                    }
                }
            }
            return batch.withPixels(out);
        };
    }
}
