package dev.graft.plugins.augment;

import dev.graft.image.ImageAugmenterFactory;
import dev.graft.image.ImageAugmenter;

/**
 * Random brightness, as Keras' {@code brightness_range} (PIL's brightness enhancement blends with
 * black): every pixel of an image times one factor uniform in [min, max], clipped to [0, 1].
 */
public final class BrightnessFactory implements ImageAugmenterFactory<BrightnessConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "brightness";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<BrightnessConfig> configClass() {
        return BrightnessConfig.class;
    }

    @Override
    public String description() {
        return "random brightness: each image times a factor uniform in [min, max], clipped (Keras brightness_range)";
    }

    @Override
    public ImageAugmenter create(BrightnessConfig config) {
        return (batch, random) -> {
            float[] in = batch.pixels();
            float[] out = new float[in.length];
            int size = in.length / batch.size();
            for (int n = 0; n < batch.size(); n++) {
                float factor = (float) (config.min() + random.nextDouble() * (config.max() - config.min()));
                for (int i = n * size; i < (n + 1) * size; i++) {
                    out[i] = Math.min(1f, in[i] * factor);
                }
            }
            return batch.withPixels(out);
        };
    }
}
