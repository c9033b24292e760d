package dev.graft.testing;

import dev.graft.image.ImageAugmenterFactory;
import dev.graft.image.ImageAugmenter;
import dev.graft.image.ImageBatch;
import dev.graft.image.ImageFormat;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.graft.spi.GraftException;
import dev.graft.spi.GraftModule;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.augment.AugmentConfig;
import dev.graft.spi.augment.Augmenter;
import dev.graft.spi.augment.AugmenterFactory;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.BackboneConfig;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.backbone.BackboneFactory;
import dev.graft.image.ImageInputSpec;
import dev.graft.spi.backbone.LayerGroup;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.DatasetConfig;
import dev.graft.spi.data.DatasetInfo;
import dev.graft.spi.data.DatasetProvider;
import dev.graft.image.LabeledImages;
import dev.graft.spi.data.Split;
import dev.graft.spi.freeze.FreezeConfig;
import dev.graft.spi.freeze.FreezeSchedule;
import dev.graft.spi.freeze.FreezeScheduleFactory;
import dev.graft.spi.freeze.GroupState;
import dev.graft.spi.head.Head;
import dev.graft.spi.head.HeadConfig;
import dev.graft.spi.head.HeadContext;
import dev.graft.spi.head.HeadFactory;
import dev.graft.spi.regularize.RegularizationStep;
import dev.graft.spi.regularize.Regularizer;
import dev.graft.spi.regularize.RegularizerConfig;
import dev.graft.spi.regularize.RegularizerFactory;
import dev.graft.spi.similarity.SimilarityConfig;
import dev.graft.spi.similarity.SimilarityInput;
import dev.graft.spi.similarity.SimilarityMetric;
import dev.graft.spi.similarity.SimilarityMetricFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One small plugin per family, registered under names starting with {@code test-}. */
public final class TestPlugins extends GraftModule {
    /**
     * A small sweep over these plugins, for tests that run the framework: a {@code test-tiny}
     * backbone pretrained on synthetic classes, two heads of which one fails every trial, two freeze
     * schedules, an augmenter, three seeds (15 trials of a few epochs each).
     */
    public static final String SWEEP = """
            name: workers
            seeds: [1, 2, 3]
            target:
              data: {type: test-synthetic, classes: [0, 1, 2]}
              samplesPerClass: [6]
            train: {epochs: 3, batchSize: 4}
            sweep:
              backbone:
                - type: test-tiny
                  pretrain:
                    data: {type: test-synthetic, classes: [2, 3]}
                    train: {epochs: 1}
              head: [{type: test-dense}, {type: test-dense, fail: true}]
              freeze: [{type: test-freeze-bottom, frozen: 1}, {type: test-freeze-bottom, frozen: 2}]
              augment: [{type: test-invert}]
            """;

    @Override
    protected void configure() {
        dataset(SyntheticProvider.NAME).to(SyntheticProvider.class);
        backbone(TinyBackbone.NAME).to(TinyBackbone.class);
        head(DenseHead.NAME).to(DenseHead.class);
        freezeSchedule(FreezeBottom.NAME).to(FreezeBottom.class);
        freezeSchedule(TrainAll.NAME).to(TrainAll.class);
        augmenter(Invert.NAME).to(Invert.class);
        augmenter(Identity.NAME).to(Identity.class);
        regularizer(NoPenalty.NAME).to(NoPenalty.class);
        similarityMetric(MeanGap.NAME).to(MeanGap.class);
    }

    /** @param classes classes to keep @param perClass train images per class @param failOn split that fails to load */
    public record SyntheticConfig(List<Integer> classes, @JsonPropertyDescription("images per class") Integer perClass, String failOn)
            implements DatasetConfig {
        public SyntheticConfig {
            perClass = perClass == null ? 30 : perClass;
            if (perClass < 1) {
                throw new InvalidConfigException("perClass", "must be at least 1, got " + perClass);
            }
        }
    }

    /** 4 classes of 12x12 bars. */
    public static final class SyntheticProvider implements DatasetProvider<SyntheticConfig> {
        public static final String NAME = "test-synthetic";

        public String name() {
            return NAME;
        }

        public Class<SyntheticConfig> configClass() {
            return SyntheticConfig.class;
        }

        public String description() {
            return "synthetic bars";
        }

        public DatasetInfo describe(SyntheticConfig config, DataContext context) {
            return new DatasetInfo(List.of("class0", "class1", "class2", "class3"), new ImageFormat(1, 12, 12));
        }

        public LabeledImages load(SyntheticConfig config, Split split, DataContext context) {
            if (split.name().equalsIgnoreCase(String.valueOf(config.failOn()))) {
                throw new GraftException("synthetic: asked to fail on " + split);
            }
            return SyntheticImages.make(4, split == Split.TRAIN ? config.perClass() : 20, 12, split == Split.TRAIN ? 1 : 2);
        }
    }

    /** @param channels channels of each of the two groups */
    public record TinyConfig(List<Integer> channels) implements BackboneConfig {
        public TinyConfig {
            channels = channels == null ? List.of(8, 8) : List.copyOf(channels);
        }
    }

    /** Conv-BN-ReLU groups, the last with global average pooling. */
    public static final class TinyBackbone implements BackboneFactory<TinyConfig> {
        public static final String NAME = "test-tiny";

        public String name() {
            return NAME;
        }

        public Class<TinyConfig> configClass() {
            return TinyConfig.class;
        }

        public String description() {
            return "tiny conv backbone";
        }

        public Class<ImageFormat> reads() {
            return ImageFormat.class;
        }

        public Backbone create(TinyConfig config, BackboneContext context) {
            List<LayerGroup> groups = new ArrayList<>();
            for (int i = 0; i < config.channels().size(); i++) {
                SequentialBlock block = new SequentialBlock()
                        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(config.channels().get(i)).build())
                        .add(BatchNorm.builder().build())
                        .add(Activation.reluBlock());
                block.add(i == config.channels().size() - 1 ? Pool.globalAvgPool2dBlock() : Pool.maxPool2dBlock(new Shape(2, 2)));
                groups.add(new LayerGroup("g" + i, block));
            }
            return new Backbone(groups, ImageInputSpec.anySize(context.format(ImageFormat.class).channels(), 0.5f, 0.5f), Map.of("weights", "random"));
        }
    }

    /**
     * @param fail throw when the head is created
     * @param halt end the whole JVM with this exit code when the head is created (a crashing
     *     worker process); left out of the canonical JSON when null
     * @param killOnce a marker file: the first process to create the head creates the marker, then
     *     is killed with SIGKILL (an executor lost mid-trial); later attempts train normally
     * @param errorOnce a marker file: the first attempt creates it and throws an {@link Error},
     *     which is not the trial's own failure (an infrastructure fault); later attempts train normally
     */
    public record DenseConfig(Boolean fail, @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Integer halt,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String killOnce,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String errorOnce)
            implements HeadConfig {
        public DenseConfig {
            fail = fail != null && fail;
        }

        /** @param fail throw when the head is created */
        public DenseConfig(Boolean fail) {
            this(fail, null, null, null);
        }
    }

    /** @return whether this call created the marker file (the first of every process and attempt to get here) */
    private static boolean firstAt(String marker) {
        try {
            java.nio.file.Files.createFile(java.nio.file.Path.of(marker));
            java.nio.file.Files.writeString(java.nio.file.Path.of(marker), Long.toString(ProcessHandle.current().pid()));
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A linear head. */
    public static final class DenseHead implements HeadFactory<DenseConfig> {
        public static final String NAME = "test-dense";

        public String name() {
            return NAME;
        }

        public Class<DenseConfig> configClass() {
            return DenseConfig.class;
        }

        public String description() {
            return "linear head";
        }

        public Head create(DenseConfig config, HeadContext context) {
            if (config.halt() != null) {
                Runtime.getRuntime().halt(config.halt());
            }
            if (config.killOnce() != null && firstAt(config.killOnce())) {
                try {
                    new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).inheritIO().start().waitFor();
                    Thread.sleep(60_000); // SIGKILL ends the process before this does
                } catch (java.io.IOException | InterruptedException e) {
                    Runtime.getRuntime().halt(137);
                }
            }
            if (config.errorOnce() != null && firstAt(config.errorOnce())) {
                throw new AssertionError("test head: a fault outside the trial's code, on the first attempt only");
            }
            if (config.fail()) {
                throw new IllegalStateException("test head asked to fail");
            }
            return new Head.Network(new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(context.numClasses()).build()));
        }
    }

    /** @param frozen how many groups from the input stay frozen */
    public record FreezeBottomConfig(Integer frozen) implements FreezeConfig {
        public FreezeBottomConfig {
            frozen = frozen == null ? 1 : frozen;
        }
    }

    /** Freezes the bottom groups. */
    public static final class FreezeBottom implements FreezeScheduleFactory<FreezeBottomConfig> {
        public static final String NAME = "test-freeze-bottom";

        public String name() {
            return NAME;
        }

        public Class<FreezeBottomConfig> configClass() {
            return FreezeBottomConfig.class;
        }

        public String description() {
            return "bottom groups frozen";
        }

        public FreezeSchedule create(FreezeBottomConfig config) {
            return (groups, position) -> {
                List<GroupState> states = new ArrayList<>();
                for (int i = 0; i < groups.size(); i++) {
                    states.add(i < config.frozen() ? GroupState.FROZEN : GroupState.TRAINING);
                }
                return states;
            };
        }
    }

    /** No parameters. */
    public record TrainAllConfig() implements FreezeConfig {}

    /** Every group trains. */
    public static final class TrainAll implements FreezeScheduleFactory<TrainAllConfig> {
        public static final String NAME = "test-train-all";

        public String name() {
            return NAME;
        }

        public Class<TrainAllConfig> configClass() {
            return TrainAllConfig.class;
        }

        public String description() {
            return "everything trains";
        }

        public FreezeSchedule create(TrainAllConfig config) {
            return (groups, position) -> java.util.Collections.nCopies(groups.size(), GroupState.TRAINING);
        }
    }

    /** No parameters. */
    public record InvertConfig() implements AugmentConfig {}

    /** Inverts a random half of the images. */
    public static final class Invert implements ImageAugmenterFactory<InvertConfig> {
        public static final String NAME = "test-invert";

        public String name() {
            return NAME;
        }

        public Class<InvertConfig> configClass() {
            return InvertConfig.class;
        }

        public String description() {
            return "random inversion";
        }

        public ImageAugmenter create(InvertConfig config) {
            return (batch, random) -> {
                float[] out = batch.pixels().clone();
                int stride = batch.imageSize();
                for (int n = 0; n < batch.size(); n++) {
                    if (random.nextBoolean()) {
                        for (int i = n * stride; i < (n + 1) * stride; i++) {
                            out[i] = 1 - out[i];
                        }
                    }
                }
                return new ImageBatch(out, batch.labels(), batch.channels(), batch.height(), batch.width());
            };
        }
    }

    /** No parameters; does nothing. */
    public record IdentityConfig() implements AugmentConfig {
        @Override
        public boolean noop() {
            return true;
        }
    }

    /** Returns every batch as it is. */
    public static final class Identity implements AugmenterFactory<IdentityConfig> {
        public static final String NAME = "test-identity";

        public String name() {
            return NAME;
        }

        public Class<IdentityConfig> configClass() {
            return IdentityConfig.class;
        }

        public String description() {
            return "leaves images as they are";
        }

        public Augmenter create(IdentityConfig config) {
            return (batch, random) -> batch;
        }
    }

    /** No parameters; adds nothing. */
    public record NoPenaltyConfig() implements RegularizerConfig {
        @Override
        public boolean noop() {
            return true;
        }
    }

    /** A regulariser that adds nothing to the loss. */
    public static final class NoPenalty implements RegularizerFactory<NoPenaltyConfig> {
        public static final String NAME = "test-no-penalty";

        public String name() {
            return NAME;
        }

        public Class<NoPenaltyConfig> configClass() {
            return NoPenaltyConfig.class;
        }

        public String description() {
            return "no penalty";
        }

        public Regularizer create(NoPenaltyConfig config) {
            return new Regularizer() {
                public Set<Need> needs() {
                    return Set.of();
                }

                public ai.djl.ndarray.NDArray penalty(RegularizationStep step) {
                    throw new IllegalStateException("no penalty");
                }
            };
        }
    }

    /** No parameters. */
    public record MeanGapConfig() implements SimilarityConfig {}

    /** Distance between the mean source and mean target feature vectors. */
    public static final class MeanGap implements SimilarityMetricFactory<MeanGapConfig> {
        public static final String NAME = "test-mean-gap";

        public String name() {
            return NAME;
        }

        public Class<MeanGapConfig> configClass() {
            return MeanGapConfig.class;
        }

        public String description() {
            return "mean gap";
        }

        public SimilarityMetric create(MeanGapConfig config) {
            return new SimilarityMetric() {
                public Set<SimilarityInput> requires() {
                    return Set.of(SimilarityInput.SOURCE_FEATURES, SimilarityInput.TARGET_FEATURES);
                }

                public boolean higherIsBetter() {
                    return false;
                }

                public double score(dev.graft.spi.similarity.SimilarityInputs inputs) {
                    double[][] s = inputs.sourceFeatures().orElseThrow().asDoubleMatrix();
                    double[][] t = inputs.targetFeatures().orElseThrow().asDoubleMatrix();
                    double sum = 0;
                    for (int j = 0; j < s[0].length; j++) {
                        double ms = 0;
                        double mt = 0;
                        for (double[] row : s) {
                            ms += row[j] / s.length;
                        }
                        for (double[] row : t) {
                            mt += row[j] / t.length;
                        }
                        sum += (ms - mt) * (ms - mt);
                    }
                    return Math.sqrt(sum);
                }
            };
        }
    }
}
