package dev.graft.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.descriptor.DescriptorReaderTest;
import dev.graft.core.descriptor.Experiment;
import dev.graft.core.plugin.Plugins;
import dev.graft.spi.Axis;
import dev.graft.testing.TestPlugins;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepExpanderTest {
    static final Plugins PLUGINS = Plugins.of(List.of(new TestPlugins()));

    private static Experiment experiment(String yaml) {
        return new DescriptorReader(PLUGINS).read(Path.of("exp.yaml"), yaml).experiment();
    }

    private static List<Trial> expand(String yaml) {
        return new SweepExpander(PLUGINS.mapper()).expand(experiment(yaml));
    }

    @Test
    void productOfAxesWithOneSharedBaselinePerHeadSizeAndSeed() {
        // 1 backbone x 1 head x 2 freeze x 2 sizes x 2 seeds = 8 transfer trials; baselines do not
        // depend on the freeze schedule, so 1 x 2 x 2 = 4 scratch trials
        List<Trial> trials = expand(DescriptorReaderTest.VALID);
        Map<TrialKind, Long> byKind = trials.stream().collect(Collectors.groupingBy(t -> t.spec().kind(), Collectors.counting()));
        assertEquals(8L, byKind.get(TrialKind.transfer));
        assertEquals(4L, byKind.get(TrialKind.scratch));
        Set<String> ids = trials.stream().map(Trial::id).collect(Collectors.toSet());
        assertEquals(trials.size(), ids.size(), "ids are distinct");
        for (Trial trial : trials) {
            if (trial.spec().kind() == TrialKind.transfer) {
                String baselineId = trial.baselineId().orElseThrow();
                Trial baseline = trials.stream().filter(t -> t.id().equals(baselineId)).findFirst().orElseThrow();
                assertEquals(trial.spec().scratchBaseline(), baseline.spec());
                assertEquals(trial.spec().seed(), baseline.spec().seed());
                assertEquals(trial.spec().samplesPerClass(), baseline.spec().samplesPerClass());
                assertEquals(null, baseline.spec().backbone().pretrain());
                assertTrue(trials.indexOf(baseline) < trials.indexOf(trial), "a baseline runs before the trials that need it");
            } else {
                assertTrue(trial.baselineId().isEmpty());
            }
        }
    }

    @Test
    void idsDependOnTheResolvedSpecNotOnHowItWasWritten() {
        List<Trial> implicit = expand(DescriptorReaderTest.VALID);
        List<Trial> explicit = expand(DescriptorReaderTest.VALID
                .replace("freeze: [test-freeze-bottom,", "freeze: [{type: test-freeze-bottom, frozen: 1},")
                .replace("train: {epochs: 2, batchSize: 8}", "train: {epochs: 2, batchSize: 8, optimizer: {type: adam, lr: 0.001}}"));
        assertEquals(implicit.stream().map(Trial::id).toList(), explicit.stream().map(Trial::id).toList());

        List<Trial> otherSeed = expand(DescriptorReaderTest.VALID.replace("seeds: [1, 2]", "seeds: [1, 3]"));
        Set<String> shared = new HashSet<>(implicit.stream().map(Trial::id).toList());
        shared.retainAll(otherSeed.stream().map(Trial::id).toList());
        assertEquals(6, shared.size(), "seed 1's trials keep their ids, seed 3's are new");
        assertNotEquals(implicit.get(implicit.size() - 1).id(), otherSeed.get(otherSeed.size() - 1).id());
    }

    @Test
    void aBackboneLabelNamesItWithoutChangingAnyIdAndShuffledLabelsMakeANewBackbone() {
        List<Trial> plain = expand(DescriptorReaderTest.VALID);
        String labelled = DescriptorReaderTest.VALID.replace("    - type: test-tiny\n", "    - type: test-tiny\n      label: tiny-pretrained\n");
        List<Trial> named = expand(labelled);
        assertEquals(plain.stream().map(Trial::id).toList(), named.stream().map(Trial::id).toList());
        assertTrue(named.stream().filter(t -> t.spec().kind() == TrialKind.transfer).allMatch(t -> t.labels().backbone().equals("tiny-pretrained")),
                named.get(1).labels().toString());
        assertEquals(List.of("tiny-pretrained"), new SweepExpander(PLUGINS.mapper()).backboneLabels(experiment(labelled)));

        String shuffled = DescriptorReaderTest.VALID.replace("data: {type: test-synthetic, classes: [0, 1, 2, 3]}",
                "data: {type: test-synthetic, classes: [0, 1, 2, 3]}\n        shuffleLabels: true");
        List<Trial> control = expand(shuffled);
        Set<String> transferIds = plain.stream().filter(t -> t.spec().kind() == TrialKind.transfer).map(Trial::id).collect(Collectors.toSet());
        assertTrue(control.stream().filter(t -> t.spec().kind() == TrialKind.transfer).noneMatch(t -> transferIds.contains(t.id())));
        assertTrue(control.get(0).spec().kind() == TrialKind.scratch && plain.get(0).id().equals(control.get(0).id()), "same baselines");
        assertTrue(!PLUGINS.mapper().valueToTree(plain.get(1).spec()).toString().contains("shuffleLabels"), "absent when false");
    }

    @Test
    void anAugmenterOrRegulariserThatDoesNothingIsTheTrialWithoutIt() {
        List<Trial> plain = expand(DescriptorReaderTest.VALID);
        List<Trial> spelled = expand(DescriptorReaderTest.VALID + "  augment: [{type: test-identity}]\n  regularizer: [{type: test-no-penalty}]\n");
        assertEquals(plain.stream().map(Trial::id).toList(), spelled.stream().map(Trial::id).toList());
        assertTrue(spelled.stream().allMatch(t -> t.spec().augment() == null && t.spec().regularizer() == null));

        // beside an augmenter that acts, the identity's trials and baselines are the plain ones
        List<Trial> both = expand(DescriptorReaderTest.VALID + "  augment: [{type: test-identity}, {type: test-invert}]\n");
        assertEquals(2 * plain.size(), both.size());
        Set<String> ids = both.stream().map(Trial::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(plain.stream().map(Trial::id).toList()));
        assertTrue(both.stream().filter(t -> ids(plain).contains(t.id())).allMatch(t -> t.spec().augment() == null && t.labels().of(Axis.AUGMENT).equals("test-identity")));

        // one that acts is another trial
        List<Trial> inverted = expand(DescriptorReaderTest.VALID + "  augment: [{type: test-invert}]\n");
        assertTrue(inverted.stream().noneMatch(t -> ids(plain).contains(t.id())));

        // in the pretrain block too: the same pretraining, the same transfer trials
        String source = "        data: {type: test-synthetic, classes: [0, 1, 2, 3]}\n";
        List<Trial> pretrainSpelled = expand(DescriptorReaderTest.VALID.replace(source, source + "        augment: {type: test-identity}\n"));
        assertEquals(plain.stream().map(Trial::id).toList(), pretrainSpelled.stream().map(Trial::id).toList());
        List<Trial> pretrainInverted = expand(DescriptorReaderTest.VALID.replace(source, source + "        augment: {type: test-invert}\n"));
        assertTrue(pretrainInverted.stream().filter(t -> t.spec().kind() == TrialKind.transfer).noneMatch(t -> ids(plain).contains(t.id())));
    }

    private static Set<String> ids(List<Trial> trials) {
        return trials.stream().map(Trial::id).collect(Collectors.toSet());
    }

    @Test
    void withoutARegulariserTheCanonicalSpecHasNoSuchField() {
        // keeps the ids trials had before the regularizer axis existed
        for (Trial trial : expand(DescriptorReaderTest.VALID)) {
            assertTrue(!PLUGINS.mapper().valueToTree(trial.spec()).has("regularizer"), trial.id());
            assertTrue(PLUGINS.mapper().valueToTree(trial.spec()).has("augment"), "other absent axes stay as null");
        }
    }

    @Test
    void excludeRemovesMatchingCombinationsOnly() {
        String yaml = DescriptorReaderTest.VALID.replace("freeze: [test-freeze-bottom, {type: test-train-all}]",
                "freeze: [test-freeze-bottom, {type: test-train-all}]\n  exclude:\n    - {freeze: test-train-all, samplesPerClass: 10}");
        List<Trial> trials = expand(yaml);
        assertEquals(6, trials.stream().filter(t -> t.spec().kind() == TrialKind.transfer).count());
        assertTrue(trials.stream().noneMatch(t -> t.labels().of(Axis.FREEZE).equals("test-train-all") && t.spec().samplesPerClass() == 10));
    }

    @Test
    void labelsShowTheFieldsThatTellSameTypeChoicesApart() {
        List<Trial> trials = expand(DescriptorReaderTest.VALID.replace("freeze: [test-freeze-bottom, {type: test-train-all}]",
                "freeze: [test-freeze-bottom, {type: test-freeze-bottom, frozen: 2}]"));
        Set<String> labels = trials.stream().map(t -> t.labels().of(Axis.FREEZE)).collect(Collectors.toSet());
        assertEquals(Set.of("-", "test-freeze-bottom(frozen=1)", "test-freeze-bottom(frozen=2)"), labels);
    }

    /** Issue 15: backbones sharing a label (YAML merge keys make that easy) still display apart. */
    @Test
    void backbonesSharingALabelShowTheFieldsThatTellThemApart() {
        String yaml = DescriptorReaderTest.VALID.replace("""
                    - type: test-tiny
                      pretrain:
                        data: {type: test-synthetic, classes: [0, 1, 2, 3]}
                """, """
                    - &b
                      type: test-tiny
                      label: synthetic-0-3
                      transferLayers: 1
                      pretrain:
                        data: {type: test-synthetic, classes: [0, 1, 2, 3]}
                    - {<<: *b, transferLayers: 2}
                    - {<<: *b, label: other}
                """);
        List<Trial> trials = expand(yaml);
        assertEquals(List.of("synthetic-0-3(transferLayers=1)", "synthetic-0-3(transferLayers=2)", "other"),
                new SweepExpander(PLUGINS.mapper()).backboneLabels(experiment(yaml)));
        Set<String> shown = trials.stream().filter(t -> t.spec().kind() == TrialKind.transfer)
                .map(t -> t.labels() + " " + t.spec().samplesPerClass() + " " + t.spec().seed()).collect(Collectors.toSet());
        assertEquals(trials.stream().filter(t -> t.spec().kind() == TrialKind.transfer).count(), shown.size(), "two transfer trials display alike");
    }

    @Test
    void choicesStillAlikeAfterTheirDifferingFieldsGetTheirPosition() {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> choices = List.of(json.createObjectNode().put("type", "t").put("x", "1"), json.createObjectNode().put("type", "t").put("x", 1));
        assertEquals(List.of("t(x=1)", "t(x=1)#2"), SweepExpander.labels(choices));
    }
}
