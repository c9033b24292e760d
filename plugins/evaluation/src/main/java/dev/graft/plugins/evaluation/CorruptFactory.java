package dev.graft.plugins.evaluation;

import dev.graft.image.ImageFormat;
import dev.graft.image.LabeledImages;
import dev.graft.spi.GraftException;
import dev.graft.spi.data.ExampleFormat;
import dev.graft.spi.evaluate.EvaluationContext;
import dev.graft.spi.evaluate.EvaluationSet;
import dev.graft.spi.evaluate.EvaluationSetFactory;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The target's test split under one corruption at one severity: every image corrupted once, from
 * its own random stream (split from the set's seed in order), so the same descriptor gives the
 * same set in every run and in every process.
 */
public final class CorruptFactory implements EvaluationSetFactory<CorruptConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "corrupt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<CorruptConfig> configClass() {
        return CorruptConfig.class;
    }

    @Override
    public String description() {
        return "the test split under an image corruption at severity 1-5, in the style of MNIST-C (Mu and Gilmer 2019), seeded";
    }

    /** A configuration the contract test builds. */
    @Override
    public Map<String, Object> example() {
        return Map.of("corruption", "rotate", "severity", 3);
    }

    @Override
    public Class<? extends ExampleFormat> reads() {
        return ImageFormat.class;
    }

    @Override
    public EvaluationSet create(CorruptConfig config, EvaluationContext context) {
        if (!(context.test() instanceof LabeledImages images)) {
            throw new GraftException("corrupt: corrupts images, but the target's examples are " + context.test().format().describe());
        }
        Corruption corruption = Corruption.of(config.corruption());
        int size = images.imageSize();
        float[] pixels = new float[images.pixels().length];
        SplittableRandom root = new SplittableRandom(context.seed());
        for (int i = 0; i < images.size(); i++) {
            float[] image = java.util.Arrays.copyOfRange(images.pixels(), i * size, (i + 1) * size);
            SplittableRandom own = root.split();
            System.arraycopy(corruption.apply(image, images.channels(), images.height(), images.width(), config.severity(), own), 0, pixels,
                    i * size, size);
        }
        String what = corruption.label() + " severity " + config.severity();
        return new EvaluationSet.Target(new LabeledImages(pixels, images.labels().clone(), images.channels(), images.height(), images.width(),
                images.classNames(), dev.graft.spi.Sha256.of(images.checksum() + "/" + what + "/" + context.seed()),
                images.origin() + " (" + what + ")"));
    }
}
