package dev.graft.core.executor;

import dev.graft.core.run.RunResults;
import dev.graft.core.run.RunSummary;
import dev.graft.core.run.ExperimentRunner;
import dev.graft.core.executor.ExecutorSetup;
import dev.graft.core.executor.PortableInputs;
import dev.graft.core.executor.RunListener;
import dev.graft.core.executor.TrialExecutor;
import dev.graft.core.executor.TrialExecutorFactory;
import dev.graft.core.executor.TrialHost;
import dev.graft.core.executor.TrialInputs;
import dev.graft.core.trial.Pretrained;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.store.TrialRecord;
import dev.graft.core.sweep.Trial;
import dev.graft.image.LabeledImages;
import dev.graft.spi.GraftException;
import dev.graft.spi.data.DataContext;
import dev.graft.spi.data.Examples;
import dev.graft.testing.SyntheticImages;
import dev.graft.testing.TestPlugins;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor SPI: executors are found by name, each trial is recorded once, and inputs survive the trip to another process. */
class TrialExecutorsTest {
    static final Plugins PLUGINS = Plugins.of(List.of(new TestPlugins()));

    /** A test executor that hands every record back twice, as a retried or speculative task could. */
    public static final class AnswersTwice implements TrialExecutorFactory {
        @Override
        public String name() {
            return "test-answers-twice";
        }

        @Override
        public String description() {
            return "trains in this process and answers every trial twice";
        }

        @Override
        public TrialExecutor start(ExecutorSetup setup) {
            TrialHost host = setup.local();
            return new TrialExecutor() {
                @Override
                public void run(List<Trial> trials, TrialInputs inputs, RunListener listener, Finisher finisher) throws IOException {
                    for (Trial trial : trials) {
                        listener.trialStarted(trial);
                        TrialRecord record = host.run(trial, inputs.of(trial),
                                Path.of(setup.job().outDir()).resolve("trials").resolve(trial.id()), epoch -> {});
                        finisher.finished(trial, record);
                        finisher.finished(trial, record);
                    }
                }

                @Override
                public void close() {}
            };
        }
    }

    @TempDir
    Path dir;

    @Test
    void eachTrialIsRecordedOnceWhateverTheExecutorAnswers() {
        String yaml = WorkersTest.SWEEP.replace("seeds: [1, 2, 3]", "seeds: [1]");
        List<String> info = new ArrayList<>();
        RunSummary summary = new ExperimentRunner(PLUGINS).executor("test-answers-twice", Map.of()).run(
                new DescriptorReader(PLUGINS).read(dir.resolve("exp.yaml"), yaml), dir.resolve("twice"), dir.resolve("cache"),
                new DataContext(List.of(), Optional.empty(), dir), new RunListener() {
                    @Override
                    public void info(String message) {
                        info.add(message);
                    }
                });
        assertEquals(summary.planned(), summary.finished() + summary.failed(), "counted once");
        assertEquals(summary.planned(), RunResults.byId(dir.resolve("twice")).size());
        assertEquals(summary.planned(), info.stream().filter(line -> line.endsWith("was answered twice; the second answer is dropped")).count());
    }

    @Test
    void anUnknownExecutorIsRefusedNamingTheOnesThereAre() {
        GraftException e = assertThrows(GraftException.class, () -> new ExperimentRunner(PLUGINS).executor("worker", Map.of()));
        assertTrue(e.getMessage().contains("no trial executor is named 'worker' (there are: in-process, test-answers-twice, workers)")
                && e.getMessage().endsWith("Did you mean 'workers'?"), e.getMessage());
        GraftException option = assertThrows(GraftException.class,
                () -> new ExperimentRunner(PLUGINS).executor("workers", Map.of("spark.master", "embedded[2]")));
        assertTrue(option.getMessage().contains("the workers executor has no option 'spark.master'"), option.getMessage());
    }

    @Test
    void examplesAndPretrainedBackbonesSurviveTheTripToAnotherProcess() {
        LabeledImages images = SyntheticImages.make(3, 5, 8, 7L);
        LabeledImages back = (LabeledImages) PortableInputs.examples(PortableInputs.examples(images));
        assertArrayEquals(images.pixels(), back.pixels());
        assertArrayEquals(images.labels(), back.labels());
        assertEquals(images.classNames(), back.classNames());
        assertEquals(images.checksum(), back.checksum());
        assertEquals(images.format(), back.format());

        Pretrained pretrained = new Pretrained("key", new byte[] {1, 2, 3}, new byte[] {4, 5}, new TestPlugins.DenseConfig(false), 4, 0.8125,
                2.5, true, Map.of("sourceClasses", List.of("a", "b"), "trainExamples", 120, "bestEpoch", 3));
        Pretrained copy = PortableInputs.pretrained(PortableInputs.pretrained(pretrained, PLUGINS.mapper()), PLUGINS.mapper());
        assertEquals(pretrained.key(), copy.key());
        assertArrayEquals(pretrained.weights(), copy.weights());
        assertArrayEquals(pretrained.sourceHead(), copy.sourceHead());
        assertEquals(pretrained.sourceHeadConfig(), copy.sourceHeadConfig());
        assertEquals(pretrained.sourceClasses(), copy.sourceClasses());
        assertEquals(pretrained.sourceAccuracy(), copy.sourceAccuracy(), 0.0);
        assertEquals(PLUGINS.mapper().valueToTree(pretrained.provenance()), PLUGINS.mapper().valueToTree(copy.provenance()));
    }

    /** A modality whose examples are not Serializable. */
    private record Opaque(LabeledImages images) implements Examples {
        public int[] labels() {
            return images.labels();
        }

        public List<String> classNames() {
            return images.classNames();
        }

        public String checksum() {
            return images.checksum();
        }

        public String origin() {
            return "an opaque source";
        }

        public dev.graft.spi.data.ExampleFormat format() {
            return images.format();
        }

        public Examples select(int[] indices, String origin) {
            return this;
        }

        public Examples withLabels(int[] labels, List<String> classNames, String checksum, String origin) {
            return this;
        }

        public dev.graft.spi.data.Batch gather(int[] indices) {
            return images.gather(indices);
        }
    }

    @Test
    void examplesThatCannotBeSerialisedAreRefusedNamingTheirClass() {
        GraftException e = assertThrows(GraftException.class, () -> PortableInputs.examples(new Opaque(SyntheticImages.make(2, 2, 4, 1L))));
        assertTrue(e.getMessage().startsWith("the examples of an opaque source are a dev.graft.core.executor.TrialExecutorsTest$Opaque, which is not "
                + "java.io.Serializable, so they cannot be shipped to executors"), e.getMessage());
    }
}
