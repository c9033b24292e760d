package dev.graft.core.descriptor;

import dev.graft.core.plugin.Plugins;
import dev.graft.spi.Axis;
import dev.graft.testing.TestPlugins;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class DescriptorReaderTest {
    static final Plugins PLUGINS = Plugins.of(List.of(new TestPlugins()));
    public static final String VALID = """
            name: tiny
            seeds: [1, 2]
            target:
              data: {type: test-synthetic, classes: [0, 1, 2]}
              samplesPerClass: [5, 10]
            train: {epochs: 2, batchSize: 8}
            sweep:
              backbone:
                - type: test-tiny
                  pretrain:
                    data: {type: test-synthetic, classes: [0, 1, 2, 3]}
              head: [{type: test-dense}]
              freeze: [test-freeze-bottom, {type: test-train-all}]
            """;

    private static Descriptor read(String yaml) {
        return new DescriptorReader(PLUGINS).read(Path.of("exp.yaml"), yaml);
    }

    @Test
    void bindsAValidDescriptorWithDefaults() {
        Experiment experiment = read(VALID).experiment();
        assertEquals("tiny", experiment.name());
        assertEquals(new SeedPlan.Fixed(List.of(1L, 2L)), experiment.seeds());
        assertEquals(dev.graft.core.stats.DecisionRule.FIXED, experiment.decisionRule());
        assertEquals(0.2, experiment.target().validationFraction());
        assertEquals(OptimizerConfig.OptimizerType.adam, experiment.train().optimizer().type());
        assertEquals(1e-3, experiment.train().optimizer().lr());
        assertEquals(List.of(8, 8), ((TestPlugins.TinyConfig) experiment.sweep().backbone().get(0).architecture()).channels());
        assertEquals(10, experiment.sweep().backbone().get(0).pretrain().train().epochs());
        assertEquals(new TestPlugins.FreezeBottomConfig(1), experiment.sweep().choices(Axis.FREEZE).get(0));
        assertTrue(experiment.sweep().choices(Axis.AUGMENT).isEmpty());
    }

    @Test
    void reportsEveryErrorWithLineColumnAndField() {
        String yaml = """
                name: tiny
                seeds: [1]
                target:
                  data: {type: test-synthetic, clases: [0, 1]}
                  samplesPerClass: [ten]
                train: {epochs: 0}
                sweep:
                  backbone: [{type: test-tiyn}]
                  head: []
                  freeze: [{type: test-train-all}]
                """;
        DescriptorException e = assertThrows(DescriptorException.class, () -> read(yaml));
        List<String> errors = e.errors().stream().map(DescriptorError::toString).toList();
        assertEquals(4, errors.size(), String.join("\n", errors));
        assertTrue(errors.contains("exp.yaml:4:32: target.data.clases: unknown field 'clases' in 'test-synthetic'. Did you mean 'classes'? "
                + "Fields: classes, failOn, perClass"), errors.toString());
        assertTrue(errors.contains("exp.yaml:5:21: target.samplesPerClass[0]: expected an integer, got 'ten'"), errors.toString());
        assertTrue(errors.contains("exp.yaml:6:17: train.epochs: must be in [1, 10000], got 0"), errors.toString());
        assertTrue(errors.stream().anyMatch(m -> m.startsWith("exp.yaml:8:21: sweep.backbone[0].type: unknown backbone type 'test-tiyn'. "
                + "Did you mean 'test-tiny'? Known backbone types: test-tiny")), errors.toString());
    }

    @Test
    void aRecordsOwnChecksStillReportWhenOneOfItsFieldsHasErrors() {
        DescriptorException e = assertThrows(DescriptorException.class, () -> read(VALID.replace("name: tiny", "name: my tiny run")
                .replace("head: [{type: test-dense}]", "head: [{type: test-dens}]")));
        assertEquals(2, e.errors().size(), e.getMessage());
        assertTrue(e.getMessage().contains("exp.yaml:1:7: name: must be letters, digits, '.', '_' or '-'"), e.getMessage());
        assertTrue(e.getMessage().contains("exp.yaml:12:17: sweep.head[0].type: unknown head type 'test-dens'"), e.getMessage());
    }

    @Test
    void yamlMergeKeysRepeatAChoiceWithChanges() {
        Experiment experiment = read(VALID.replace("head: [{type: test-dense}]",
                "head:\n    - &dense {type: test-dense, fail: false}\n    - {<<: *dense, fail: true}")).experiment();
        assertEquals(List.of(new TestPlugins.DenseConfig(false), new TestPlugins.DenseConfig(true)), experiment.sweep().choices(Axis.HEAD));
    }

    @Test
    void anEmptySweepAxisIsAnError() {
        DescriptorException e = assertThrows(DescriptorException.class, () -> read(VALID.replace("head: [{type: test-dense}]", "head: []")));
        assertEquals("exp.yaml:12:9: sweep.head: sweep axis 'head' must list at least one choice", e.getMessage());
    }

    @Test
    void reportsUnknownTopLevelFieldsAndMissingType() {
        DescriptorException e = assertThrows(DescriptorException.class, () -> read(VALID.replace("seeds:", "seed:")));
        assertTrue(e.getMessage().contains("exp.yaml:2:1: seed: unknown field 'seed' in the descriptor. Did you mean 'seeds'?"), e.getMessage());

        e = assertThrows(DescriptorException.class, () -> read(VALID.replace("head: [{type: test-dense}]", "head: [{dropout: 1}]")));
        assertTrue(e.getMessage().contains("exp.yaml:12:10: sweep.head[0]: head needs 'type:' (one of test-dense)"), e.getMessage());
    }

    @Test
    void reportsYamlSyntaxErrorsWithPosition() {
        DescriptorException e = assertThrows(DescriptorException.class, () -> read("name: x\nseeds: [1, 2\ntarget: {}\n"));
        assertEquals(1, e.errors().size());
        assertTrue(e.errors().get(0).line() >= 2, e.getMessage());
        assertTrue(e.getMessage().startsWith("exp.yaml:"), e.getMessage());
    }

    @Test
    void positionsPointAtTheFieldForLaterChecks() {
        Descriptor descriptor = read(VALID);
        assertEquals("exp.yaml:4:48: target.data.classes[2]: bad", descriptor.errorAt("target.data.classes[2]", "bad").toString());
        assertEquals("exp.yaml:4:9: target.data.nothing: bad", descriptor.errorAt("target.data.nothing", "bad").toString());
    }

    @Test
    void seedsAreAListOrASequentialDesignWithItsOwnChecks() {
        Experiment sequential = read(VALID.replace("seeds: [1, 2]", "seeds: {start: 6, max: 12}\ndecide: {equivalence: 0.02}")).experiment();
        assertEquals(new SeedPlan.Sequential(6, 12, 2, 1L), sequential.seeds());
        assertEquals(List.of(6, 8, 10, 12), ((SeedPlan.Sequential) sequential.seeds()).looks());
        assertEquals(new dev.graft.core.stats.DecisionRule(true, 0.02, 12), sequential.decisionRule());
        assertEquals("lai-5", sequential.decisionRule().sequence());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), new SeedPlan.Sequential(5, 5, 1, null).seeds());
        assertEquals(5, new SeedPlan.Sequential(null, null, null, null).start(), "the first look that can decide is the default");

        Experiment controlled = read(VALID.replace("seeds: [1, 2]", "seeds: {max: 12}\ndecide: {control: fdr, level: 0.1}")).experiment();
        assertEquals(dev.graft.core.stats.ErrorControl.fdr, controlled.decisionRule().control());
        assertEquals(0.1, controlled.decisionRule().level());
        DescriptorException bad = assertThrows(DescriptorException.class,
                () -> read(VALID.replace("seeds: [1, 2]", "seeds: {max: 12}\ndecide: {control: fdrr}")));
        assertTrue(bad.getMessage().contains("decide.control: unknown value 'fdrr'. Did you mean 'fdr'? Allowed: none, fwer, fdr"), bad.getMessage());
        bad = assertThrows(DescriptorException.class, () -> read(VALID.replace("seeds: [1, 2]", "seeds: {max: 12}\ndecide: {level: 0.1}")));
        assertTrue(bad.getMessage().contains("decide.level: is the error rate of a control across strategies"), bad.getMessage());

        DescriptorException e = assertThrows(DescriptorException.class,
                () -> read(VALID.replace("seeds: [1, 2]", "seeds: {start: 1, max: 5, stpe: 2}\ndecide: {equivalence: 2}")));
        List<String> errors = e.errors().stream().map(DescriptorError::toString).toList();
        assertTrue(errors.contains("exp.yaml:2:27: seeds.stpe: unknown field 'stpe' in 'seeds'. Did you mean 'step'? Fields: first, max, start, step"),
                errors.toString());
        assertTrue(errors.contains("exp.yaml:3:23: decide.equivalence: must be between 0 and 1 (an accuracy difference), got 2.0"), errors.toString());
        e = assertThrows(DescriptorException.class, () -> read(VALID.replace("seeds: [1, 2]", "seeds: {start: 3}")));
        assertEquals("exp.yaml:2:16: seeds.start: must be at least 5: the confidence sequence that decides (Lai 1976, flat mixture, "
                + "from 5 seeds) cannot exclude anything before 5 seeds, so an earlier first look could decide nothing; got 3", e.getMessage());
        e = assertThrows(DescriptorException.class, () -> read(VALID.replace("seeds: [1, 2]", "seeds: [1, 1]")));
        assertTrue(e.getMessage().contains("seeds: lists a seed twice: [1, 1]"), e.getMessage());
    }
}
