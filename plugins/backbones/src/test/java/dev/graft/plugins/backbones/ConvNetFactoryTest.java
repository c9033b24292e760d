package dev.graft.plugins.backbones;

import dev.graft.image.ImageInputSpec;
import dev.graft.image.ImageFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.initializer.XavierInitializer;
import dev.graft.spi.InvalidConfigException;
import dev.graft.spi.backbone.Backbone;
import dev.graft.spi.backbone.BackboneContext;
import dev.graft.spi.backbone.LayerGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvNetFactoryTest {
    @Test
    void oneLayerGroupPerBlockAndAFeatureVectorOfTheLastWidth() {
        Backbone backbone = new ConvNetFactory().create(new ConvNetConfig(List.of(8, 16, 24), null, null, null, null, null), new BackboneContext(new ImageFormat(1, 28, 28)));
        assertEquals(List.of("block1", "block2", "block3"), backbone.layerGroups().stream().map(LayerGroup::name).toList());
        SequentialBlock all = new SequentialBlock();
        backbone.layerGroups().forEach(g -> all.add(g.block()));
        try (NDManager manager = NDManager.newBaseManager()) {
            all.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            all.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 28, 28));
            assertEquals(new Shape(2, 24), all.getOutputShapes(new Shape[] {new Shape(2, 1, 28, 28)})[0]);
        }
        assertEquals(1, ((ImageInputSpec) backbone.inputSpec()).channels());
        assertEquals(0.5f, ((ImageInputSpec) backbone.inputSpec()).mean()[0]);
    }

    @Test
    void flattenPoolingKeepsPositions() {
        Backbone backbone = new ConvNetFactory().create(new ConvNetConfig(List.of(8, 16, 24), null, null, null, null, ConvNetConfig.Pooling.flatten),
                new BackboneContext(new ImageFormat(1, 28, 28)));
        SequentialBlock all = new SequentialBlock();
        backbone.layerGroups().forEach(g -> all.add(g.block()));
        try (NDManager manager = NDManager.newBaseManager()) {
            all.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            all.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 28, 28));
            // 28 -> 14 -> 7 -> 3 after the last block's pooling: 24 channels x 3 x 3
            assertEquals(new Shape(2, 24 * 3 * 3), all.getOutputShapes(new Shape[] {new Shape(2, 1, 28, 28)})[0]);
        }
    }

    @Test
    void rejectsBadConfigsNamingTheField() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new ConvNetConfig(List.of(), null, null, null, null, null));
        assertEquals("channels", e.field());
        e = assertThrows(InvalidConfigException.class, () -> new ConvNetConfig(null, 4, null, null, null, null));
        assertEquals("kernelSize", e.field());
    }
}
