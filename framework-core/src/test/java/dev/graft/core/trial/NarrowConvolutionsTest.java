package dev.graft.core.trial;

import dev.graft.core.trial.Components;
import dev.graft.core.trial.NarrowConvolutions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import dev.graft.core.descriptor.BackboneSpec;
import dev.graft.core.plugin.Plugins;
import dev.graft.testing.SyntheticImages;
import dev.graft.testing.TestPlugins;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NarrowConvolutionsTest {
    @Test
    void findsConvolutionsWhoseChannelsAreNotAMultipleOfEightAtAnyDepth() {
        try (Model model = Model.newInstance("narrow")) {
            SequentialBlock inner = new SequentialBlock().add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(12).build());
            SequentialBlock block = new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(4).build())
                    .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(16).build())
                    .add(inner)
                    .add(ai.djl.nn.Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(3).build()); // not a convolution: never reported
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 8, 8));
            assertEquals(Set.of(4L, 12L), NarrowConvolutions.channels(block));
        }
    }

    @Test
    void warnsOncePerBackboneThatHasThem() {
        Components components = new Components(Plugins.of(List.of(new TestPlugins())).registry());
        var data = SyntheticImages.make(4, 4, 12, 1);
        List<String> warnings = NarrowConvolutions.warnings(components,
                List.of(new BackboneSpec(new TestPlugins.TinyConfig(List.of(4, 8)), null, null, null),
                        new BackboneSpec(new TestPlugins.TinyConfig(List.of(8, 16)), null, null, null)),
                List.of("narrow", "wide"), data);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("warning: backbone narrow has convolutions with [4] channels, not multiples of 8"), warnings.get(0));
    }
}
