package dev.graft.benchmarks;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import dev.graft.core.data.PerClassSampler;
import dev.graft.core.descriptor.OptimizerConfig;
import dev.graft.core.descriptor.TrainConfig;
import dev.graft.core.trial.BuiltBackbone;
import dev.graft.core.trial.Components;
import dev.graft.core.train.Batches;
import dev.graft.core.train.EpochListener;
import dev.graft.core.train.NetworkTrainer;
import dev.graft.spi.backbone.BackboneConfig;
import dev.graft.image.LabeledImages;
import dev.graft.spi.data.Split;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Training throughput of the quickstart's convnet (3 blocks of conv 3x3, BatchNorm, ReLU, 2x2 max
 * pooling, global average pooling, a linear layer; Adam, batch 64) on 3,000 Fashion-MNIST images:
 * Graft's trial loop against a minimal hand-written DJL loop on the same network, data, batch and
 * threads, measured alternately in one JVM (twelve one-epoch rounds each after a warm-up; the
 * ratio of the best rounds, of the medians, and the median per-round ratio), and against the same network in Python PyTorch
 * ({@code benchmarks/pytorch/train.py}) when Debian's python3-torch is installed.
 */
public final class TrainBenchmark {
    static final int BATCH = 64;
    static final int ROUNDS = 12;

    private TrainBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchmarkSupport support = new BenchmarkSupport();
        Components components = new Components(support.plugins.registry());
        LabeledImages data = (LabeledImages) PerClassSampler.firstPerClass(support.data("{type: fashion-mnist, source: bundled}", Split.TRAIN), 300);
        if (args.length > 0) {
            // one loop alone (for a profiler attached to this process, or for the parallel-trials limit):
            // profile-graft or profile-raw, then epochs, PyTorch threads and (raw only) the batch size
            int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 6;
            if (args.length > 2) {
                Engine.getInstance();
                dev.graft.core.trial.Environment.setIntraOpThreads(Integer.parseInt(args[2]));
            }
            int batch = args.length > 3 ? Integer.parseInt(args[3]) : BATCH;
            double rate;
            if (args[0].equals("profile-raw")) {
                raw(data, 1, batch); // warm-up
                rate = raw(data, epochs, batch);
            } else {
                rate = graft(components, support, data, epochs);
            }
            BenchmarkSupport.figure(args[0], "images_per_s", rate, "epochs", epochs, "batch", batch);
            return;
        }
        // warm-up (the JIT, oneDNN's kernel cache), then ROUNDS alternating one-epoch rounds of each,
        // in A-B-B-A order. The machines this runs on are shared VMs whose speed drifts by factors of
        // two within seconds, so the ratio is given three ways: of the best rounds (least disturbed,
        // as Python's timeit takes the minimum), of the medians, and the median of the per-round ratios
        graft(components, support, data, 2);
        raw(data, 2);
        List<Double> graft = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double g;
            double r;
            if (round % 2 == 0) {
                g = graft(components, support, data, 1);
                r = raw(data, 1);
            } else {
                r = raw(data, 1);
                g = graft(components, support, data, 1);
            }
            graft.add(g);
            raw.add(r);
            ratios.add(g / r);
        }
        double g = Collections.max(graft);
        double r = Collections.max(raw);
        BenchmarkSupport.figure("train-throughput", "graft", g, "raw-djl", r, "ratio", g / r,
                "ratio_of_medians", median(graft) / median(raw), "ratio_per_round_median", median(ratios),
                "ratio_range", String.format(java.util.Locale.ROOT, "%.2f-%.2f", Collections.min(ratios), Collections.max(ratios)),
                "rounds", ROUNDS, "threads", Engine.getInstance().getEngineName() + ":" + Runtime.getRuntime().availableProcessors());
        pytorch(data.size(), g);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Images per second through Graft's trial loop (NetworkTrainer, no validation, no augmentation). */
    static double graft(Components components, BenchmarkSupport support, LabeledImages data, int epochs) {
        BackboneConfig convnet = support.config("{type: convnet, channels: [16, 32, 64]}", BackboneConfig.class);
        Engine.getInstance().setRandomSeed(1);
        try (Model model = Model.newInstance("graft")) {
            BuiltBackbone built = BuiltBackbone.build(components, convnet, data, model.getNDManager(), null);
            model.setBlock(built.withHead(Linear.builder().setUnits(data.numClasses()).build(), model.getNDManager()));
            NetworkTrainer trainer = new NetworkTrainer(new TrainConfig(epochs, BATCH, new OptimizerConfig(OptimizerConfig.OptimizerType.adam, 0.001, null, null),
                    null), null, null, built.backbone().inputSpec(), 1);
            long started = System.nanoTime();
            trainer.train(model, data, data.select(new int[0], "none"), EpochListener.NONE);
            return (double) data.size() * epochs / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** The same network and optimiser in the shortest DJL training loop: create the batch, forward, loss, backward, step. */
    static double raw(LabeledImages data, int epochs) {
        return raw(data, epochs, BATCH);
    }

    /** {@link #raw(LabeledImages, int)} with another batch size. */
    static double raw(LabeledImages data, int epochs, int batch) {
        Engine.getInstance().setRandomSeed(1);
        SequentialBlock net = new SequentialBlock();
        int[] channels = {16, 32, 64};
        for (int i = 0; i < channels.length; i++) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(channels[i]).optBias(false).build())
                    .add(BatchNorm.builder().build()).add(Activation.reluBlock());
            net.add(i < channels.length - 1 ? Pool.maxPool2dBlock(new Shape(2, 2)) : Pool.globalAvgPool2dBlock());
        }
        net.add(Linear.builder().setUnits(data.numClasses()).build());
        try (Model model = Model.newInstance("raw")) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batch, 1, data.height(), data.width()));
                int plane = data.imageSize();
                int[] order = Batches.range(0, data.size());
                long started = System.nanoTime();
                for (int epoch = 0; epoch < epochs; epoch++) {
                    Batches.shuffle(order, new java.util.SplittableRandom(epoch));
                    for (int start = 0; start < order.length; start += batch) {
                        int n = Math.min(batch, order.length - start);
                        float[] x = new float[n * plane];
                        float[] y = new float[n];
                        for (int i = 0; i < n; i++) {
                            System.arraycopy(data.pixels(), order[start + i] * plane, x, i * plane, plane);
                            y[i] = data.labels()[order[start + i]];
                        }
                        try (NDManager scope = model.getNDManager().newSubManager()) {
                            NDArray images = scope.create(FloatBuffer.wrap(x), new Shape(n, 1, data.height(), data.width()));
                            NDArray labels = scope.create(y);
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(images)).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                                collector.backward(loss);
                            }
                            trainer.step();
                        }
                    }
                }
                return (double) data.size() * epochs / ((System.nanoTime() - started) / 1e9);
            }
        }
    }

    /** Runs benchmarks/pytorch/train.py when python3 with torch is there; prints its rate and the ratio, or skipped. */
    static void pytorch(int images, double graft) throws IOException, InterruptedException {
        Path script = Path.of("benchmarks/pytorch/train.py");
        if (!Files.isRegularFile(script)) {
            BenchmarkSupport.figure("pytorch-reference", "train", "skipped", "reason", "no benchmarks/pytorch/train.py here");
            return;
        }
        String python = System.getenv("GRAFT_PYTHON") != null ? System.getenv("GRAFT_PYTHON")
                : Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3"; // Debian's python3-torch lives there
        Process process = new ProcessBuilder(python, script.toString(), "--images", String.valueOf(images), "--batch", String.valueOf(BATCH),
                "--epochs", "1", "--rounds", String.valueOf(ROUNDS / 2), "--threads", String.valueOf(Runtime.getRuntime().availableProcessors()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            String reason = output.lines().reduce((a, b) -> b).orElse("exit " + process.exitValue());
            BenchmarkSupport.figure("pytorch-reference", "train", "skipped", "reason", "'" + reason + "'");
            return;
        }
        double rate = Double.parseDouble(output.lines().reduce((a, b) -> b).orElseThrow().strip());
        BenchmarkSupport.figure("pytorch-reference", "train", rate, "ratio", graft / rate);
    }
}
