package dev.graft.benchmarks;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.nn.core.Linear;
import dev.graft.core.descriptor.TrainConfig;
import dev.graft.core.trial.BuiltBackbone;
import dev.graft.core.trial.Components;
import dev.graft.core.train.Batches;
import dev.graft.core.train.EpochListener;
import dev.graft.core.train.GroupedNetwork;
import dev.graft.core.train.NetworkTrainer;
import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.augment.Augmenter;
import dev.graft.image.ImageBatch;
import dev.graft.spi.data.Batch;
import dev.graft.spi.backbone.BackboneConfig;
import dev.graft.image.LabeledImages;
import dev.graft.spi.data.Split;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Augmented images per second for every augmenter on Fashion-MNIST batches of 64 (grayscale
 * 28x28; {@code color-jitter} on the same images as RGB), and the share of training time the
 * training thread spends waiting for its batches when a chain of Keras-style augmenters runs in
 * front of the quickstart's convnet — with batches prepared on their own thread (Graft's way)
 * and, for comparison, what the same work costs when done on the training thread.
 *
 * <pre>java ... dev.graft.benchmarks.AugmentBenchmark [seconds-per-augmenter]</pre>
 */
public final class AugmentBenchmark {
    static final List<String> AUGMENTERS = List.of(
            "{type: flip}", "{type: shift}", "{type: rotation}", "{type: shear}", "{type: zoom}", "{type: brightness}",
            "{type: gaussian-noise}", "{type: cutout}", "{type: random-resized-crop}",
            "{type: color-jitter, brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1}",
            "{type: mixup}", "{type: cutmix}",
            "{type: chain, steps: [{type: rotation, range: 10}, {type: shift}, {type: zoom}, {type: flip}]}");
    static final String CHAIN = AUGMENTERS.get(AUGMENTERS.size() - 1);

    private AugmentBenchmark() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        BenchmarkSupport support = new BenchmarkSupport();
        Components components = new Components(support.plugins.registry());
        LabeledImages data = support.data("{type: fashion-mnist, source: bundled}", Split.TRAIN);
        LabeledImages rgb = toRgb(data);
        int batch = 64;
        for (String yaml : AUGMENTERS) {
            AugmentConfig config = support.config(yaml, AugmentConfig.class);
            Augmenter augmenter = components.augmenter(config);
            LabeledImages images = yaml.contains("color-jitter") ? rgb : data;
            double rate = imagesPerSecond(augmenter, images, batch, seconds);
            BenchmarkSupport.figure("augment", "name", components.name(dev.graft.spi.PluginFamily.AUGMENT, config),
                    "images_per_s", rate, "channels", images.channels());
        }
        waitShare(support, components, data);
    }

    /**
     * Augments consecutive batches (gathering included, as in training): half a second of
     * warm-up for the JIT, then three rounds of {@code seconds}; the median round's rate.
     */
    static double imagesPerSecond(Augmenter augmenter, LabeledImages data, int batch, double seconds) {
        SplittableRandom random = new SplittableRandom(1);
        int[] order = Batches.range(0, data.size());
        run(augmenter, data, order, batch, 0.5, random);
        double[] rounds = new double[3];
        for (int r = 0; r < rounds.length; r++) {
            rounds[r] = run(augmenter, data, order, batch, seconds, random);
        }
        java.util.Arrays.sort(rounds);
        return rounds[1];
    }

    private static double run(Augmenter augmenter, LabeledImages data, int[] order, int batch, double seconds, SplittableRandom random) {
        long images = 0;
        long started = System.nanoTime();
        int start = 0;
        while (System.nanoTime() - started < seconds * 1e9) {
            if (start + batch > data.size()) {
                start = 0;
            }
            Batch out = augmenter.apply(data.gather(java.util.Arrays.copyOfRange(order, start, start + batch)), random);
            images += out.size();
            start += batch;
        }
        return images / ((System.nanoTime() - started) / 1e9);
    }

    /** Trains the quickstart convnet with the chain in front and reports how long the training thread waited for data. */
    static void waitShare(BenchmarkSupport support, Components components, LabeledImages data) {
        LabeledImages train = (LabeledImages) dev.graft.core.data.PerClassSampler.firstPerClass(data, 300);
        TrainConfig config = new TrainConfig(2, 64, null, null);
        Augmenter augmenter = components.augmenter(support.config(CHAIN, AugmentConfig.class));
        BackboneConfig convnet = support.config("{type: convnet, channels: [16, 32, 64]}", BackboneConfig.class);
        Engine.getInstance().setRandomSeed(1);
        double trainSeconds;
        double waitSeconds;
        dev.graft.spi.backbone.InputSpec inputSpec;
        try (Model model = Model.newInstance("bench")) {
            BuiltBackbone built = BuiltBackbone.build(components, convnet, train, model.getNDManager(), null);
            inputSpec = built.backbone().inputSpec();
            GroupedNetwork network = built.withHead(Linear.builder().setUnits(train.numClasses()).build(), model.getNDManager());
            model.setBlock(network);
            NetworkTrainer trainer = new NetworkTrainer(config, null, augmenter, built.backbone().inputSpec(), 1);
            long started = System.nanoTime();
            trainer.train(model, train, train.select(new int[0], "none"), EpochListener.NONE);
            trainSeconds = (System.nanoTime() - started) / 1e9;
            waitSeconds = trainer.dataWaitSeconds();
        }
        // the same preparation on the training thread: what it would add to every epoch
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(1);
        int[] order = Batches.range(0, train.size());
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            for (int start = 0; start < order.length; start += config.batchSize()) {
                ImageBatch batch = train.gather(java.util.Arrays.copyOfRange(order, start, Math.min(order.length, start + config.batchSize())));
                inputSpec.prepare(augmenter.apply(batch, random));
            }
        }
        double inline = (System.nanoTime() - started) / 1e9;
        BenchmarkSupport.figure("augment-wait", "augmenter", "chain(rotation,shift,zoom,flip)", "images", train.size() * config.epochs(),
                "train_s", trainSeconds, "data_wait_share_pct", 100 * waitSeconds / trainSeconds,
                "on_training_thread_share_pct", 100 * inline / (trainSeconds - waitSeconds + inline));
    }

    /** The same images as three identical channels. */
    static LabeledImages toRgb(LabeledImages gray) {
        int plane = gray.height() * gray.width();
        float[] pixels = new float[gray.size() * 3 * plane];
        for (int n = 0; n < gray.size(); n++) {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(gray.pixels(), n * plane, pixels, (n * 3 + c) * plane, plane);
            }
        }
        return new LabeledImages(pixels, gray.labels(), 3, gray.height(), gray.width(), gray.classNames(), gray.checksum() + "/rgb", gray.origin());
    }
}
