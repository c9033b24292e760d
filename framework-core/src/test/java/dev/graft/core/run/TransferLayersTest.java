package dev.graft.core.run;

import dev.graft.core.trial.BuiltBackbone;
import dev.graft.core.trial.Components;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import dev.graft.core.data.LabelledSplit;
import dev.graft.core.data.PerClassSampler;
import dev.graft.core.descriptor.DescriptorException;
import dev.graft.core.descriptor.DescriptorReader;
import dev.graft.core.descriptor.DescriptorReaderTest;
import dev.graft.core.descriptor.OptimizerConfig;
import dev.graft.core.descriptor.TrainConfig;
import dev.graft.core.plugin.Plugins;
import dev.graft.core.train.EpochListener;
import dev.graft.core.train.GroupedNetwork;
import dev.graft.core.train.NetworkTrainer;
import dev.graft.spi.GraftException;
import dev.graft.spi.freeze.GroupState;
import dev.graft.testing.SyntheticImages;
import dev.graft.testing.TestPlugins;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Yosinski et al.'s layer transfer: the first n groups keep pretrained weights, the rest start random and always train. */
class TransferLayersTest {
    static final Plugins PLUGINS = Plugins.of(List.of(new TestPlugins()));
    static final Components COMPONENTS = new Components(PLUGINS.registry());
    static final LabelledSplit DATA = PerClassSampler.draw(SyntheticImages.make(4, 20, 12, 3), 16, 0.25, 5);
    static final TestPlugins.TinyConfig TINY = new TestPlugins.TinyConfig(null);

    static Map<String, float[]> values(GroupedNetwork network) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            values.put(parameter.getKey(), parameter.getValue().getArray().toFloatArray());
        }
        return values;
    }

    /** Weights standing in for a pretrained backbone: a network initialised from another seed. */
    static byte[] pretrained() {
        Engine.getInstance().setRandomSeed(99);
        try (Model model = Model.newInstance("source")) {
            return BuiltBackbone.build(COMPONENTS, TINY, DATA.train(), model.getNDManager(), null).withHead(null, model.getNDManager()).saveBackbone();
        }
    }

    static Map<String, float[]> build(byte[] weights, Integer transferLayers) {
        Engine.getInstance().setRandomSeed(5);
        try (Model model = Model.newInstance("target")) {
            return values(BuiltBackbone.build(COMPONENTS, TINY, DATA.train(), model.getNDManager(), weights, transferLayers)
                    .withHead(null, model.getNDManager()));
        }
    }

    @Test
    void theFirstNGroupsArePretrainedAndTheRestKeepTheTrialsRandomInitialisation() {
        byte[] weights = pretrained();
        Map<String, float[]> all = build(weights, null);
        Map<String, float[]> random = build(null, null);
        Map<String, float[]> one = build(weights, 1);
        for (String name : one.keySet()) {
            Map<String, float[]> expected = name.startsWith("01g0") ? all : random;
            assertArrayEquals(expected.get(name), one.get(name), name);
        }
        assertFalse(java.util.Arrays.equals(all.get(one.keySet().iterator().next()), random.get(one.keySet().iterator().next())));
        GraftException e = assertThrows(GraftException.class, () -> build(weights, 3));
        assertTrue(e.getMessage().startsWith("transferLayers is 3 but the backbone has only 2 layer groups"), e.getMessage());
    }

    @Test
    void reinitialisedGroupsTrainEvenUnderAFrozenSchedule() {
        Engine.getInstance().setRandomSeed(5);
        try (Model model = Model.newInstance("anb")) {
            BuiltBackbone built = BuiltBackbone.build(COMPONENTS, TINY, DATA.train(), model.getNDManager(), pretrained(), 1);
            GroupedNetwork network = built.withHead(Linear.builder().setUnits(4).build(), model.getNDManager());
            model.setBlock(network);
            Map<String, float[]> before = values(network);
            new NetworkTrainer(new TrainConfig(2, 8, new OptimizerConfig(OptimizerConfig.OptimizerType.adam, 0.01, null, null), null),
                    (groups, position) -> Collections.nCopies(groups.size(), GroupState.FROZEN), null, built.backbone().inputSpec(), 5, 1)
                    .train(model, DATA.train(), DATA.validation().select(new int[0], "none"), EpochListener.NONE);
            Map<String, float[]> after = values(network);
            for (String name : before.keySet()) {
                boolean changed = !java.util.Arrays.equals(before.get(name), after.get(name));
                if (name.startsWith("01g0")) {
                    assertFalse(changed, name + ": transferred and frozen");
                } else {
                    assertTrue(changed, name + ": re-initialised or head, trains");
                }
            }
        }
    }

    @Test
    void transferLayersNeedsAPretrainBlock() {
        String yaml = DescriptorReaderTest.VALID.replace(
                "      pretrain:\n        data: {type: test-synthetic, classes: [0, 1, 2, 3]}\n", "      transferLayers: 1\n");
        DescriptorException e = assertThrows(DescriptorException.class, () -> new DescriptorReader(PLUGINS).read(Path.of("exp.yaml"), yaml));
        assertTrue(e.getMessage().contains("exp.yaml:10:23: sweep.backbone[0].transferLayers: needs a pretrain block"), e.getMessage());
        String ok = DescriptorReaderTest.VALID.replace("    - type: test-tiny\n", "    - type: test-tiny\n      transferLayers: 1\n");
        assertTrue(new DescriptorReader(PLUGINS).read(Path.of("exp.yaml"), ok).experiment().sweep().backbone().get(0).transferLayers() == 1);
    }
}
